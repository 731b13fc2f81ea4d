package dev.marquee.platform.social.internal;

import dev.marquee.platform.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in user's unread notification count for the header badge (null for guests). */
@ControllerAdvice(annotations = Controller.class)
class UnreadBadgeAdvice {
    private final NotificationRepository notifications;

    UnreadBadgeAdvice(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(HttpServletRequest request) {
        CurrentUser me = (CurrentUser) request.getAttribute(CurrentUser.ATTRIBUTE);
        return me == null ? null : notifications.unread(me.id());
    }
}
