package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.web.ProblemException;
import java.lang.annotation.Annotation;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the signed-in user; 401 when there is none and the parameter is not @Nullable. */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object user = request.getAttribute(CurrentUser.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user == null && !nullable(parameter)) throw ProblemException.unauthorized("Sign in first.");
        return user;
    }

    private static boolean nullable(MethodParameter parameter) {
        for (Annotation a : parameter.getParameterAnnotations())
            if (a.annotationType().getSimpleName().equals("Nullable")) return true;
        // JSpecify's @Nullable annotates the type, not the parameter
        for (Annotation a : parameter.getParameter().getAnnotatedType().getAnnotations())
            if (a.annotationType().getSimpleName().equals("Nullable")) return true;
        return false;
    }
}
