package dev.marquee.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/** Requests Tomcat refuses before Spring sees them (a NUL in the path, say) still get problem JSON. */
public class ProblemErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + reason.replace("\"", "")
                        + "\",\"detail\":\"The request could not be understood.\"}");
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response is already committed; nothing more to say
        }
    }
}
