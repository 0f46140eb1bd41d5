package dev.steward.platform.notifications;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.NotificationTemplate;
import dev.steward.platform.spi.NotificationTemplate.RenderedMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

/** Renders notifications as mail: the kind's contributed template, or the default one; links made absolute. */
@Component
public class MailTemplates {

    private final ExtensionRegistry registry;
    private final String baseUrl;

    public MailTemplates(ExtensionRegistry registry, @Value("${steward.base-url:http://localhost:8080}") String baseUrl) {
        this.registry = registry;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public RenderedMail render(Notification n) {
        String link = n.link() == null ? null : baseUrl + "/" + (n.link().startsWith("/") ? n.link().substring(1) : n.link());
        return registry.contributions(NotificationTemplate.class).stream().filter(t -> t.kind().equals(n.kind()))
                .findFirst().map(t -> t.render(n, link)).orElseGet(() -> standard(n, link));
    }

    /** The default: title as subject; body and link, the HTML with every value escaped. */
    static RenderedMail standard(Notification n, String link) {
        String subject = "[Steward] " + n.title();
        String text = n.title() + "\n\n" + (n.body() == null ? "" : n.body() + "\n\n") + (link == null ? "" : "Open: " + link + "\n");
        String html = "<p><strong>" + escape(n.title()) + "</strong></p>"
                + (n.body() == null ? "" : "<p>" + escape(n.body()).replace("\n", "<br>") + "</p>")
                + (link == null ? "" : "<p><a href=\"" + escape(link) + "\">Open in Steward</a></p>");
        return new RenderedMail(subject, text, html);
    }

    /** One email listing several notifications (the daily digest). */
    RenderedMail digest(List<Notification> notifications) {
        StringBuilder text = new StringBuilder("Your Steward notifications of the last day:\n\n");
        StringBuilder html = new StringBuilder("<p>Your Steward notifications of the last day:</p><ul>");
        for (Notification n : notifications) {
            String link = n.link() == null ? null : baseUrl + "/" + n.link();
            text.append("- ").append(n.title()).append(link == null ? "" : " (" + link + ")").append('\n');
            html.append("<li>").append(link == null ? escape(n.title())
                    : "<a href=\"" + escape(link) + "\">" + escape(n.title()) + "</a>").append("</li>");
        }
        return new RenderedMail("[Steward] " + notifications.size() + " notification(s) today", text.toString(), html + "</ul>");
    }

    public static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
