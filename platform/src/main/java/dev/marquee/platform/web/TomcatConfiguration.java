package dev.marquee.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Lets odd paths (an encoded slash in an ID) reach our handlers, which answer them with problem
 * details, instead of Tomcat's own HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setProperty("socket.appReadBufSize", "65536"); // uploads arrive in 64 KB reads, not 8 KB
        });
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host)
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }
}
