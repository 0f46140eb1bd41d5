package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Mail to people who are no users of the console: a requester (the confirmation code, the receipt) or a processor's
 * contact (a deletion instruction with its confirmation link). Sent straight over the console's SMTP connection rather
 * than through the platform's outbox: the outbox keeps every mail's body, and codes and link tokens must be stored
 * nowhere but as hashes. A mail that cannot be sent now is reported to the caller, who keeps nothing of it.
 */
@Component
public class OutsideMail {

    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;

    OutsideMail(ObjectProvider<JavaMailSender> smtp, @Value("${steward.mail.from:steward@localhost}") String from) {
        this.smtp = smtp;
        this.from = from;
    }

    /**
     * Sends now; false when no SMTP server is configured or it refused the mail. Open to anyone: the public request
     * page sends its code before the visitor is anybody; each caller decides whether its user may cause the mail.
     */
    @PreAuthorize(DsrPermissions.ANYONE)
    public boolean send(String to, String subject, String text) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        try {
            sender.send(mail);
            return true;
        } catch (MailException e) {
            return false;
        }
    }
}
