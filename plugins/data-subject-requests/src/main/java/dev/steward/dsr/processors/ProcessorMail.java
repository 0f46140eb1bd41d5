package dev.steward.dsr.processors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to a processor's contact, who is no user of the console. Sent straight over SMTP rather than through the
 * platform's outbox (like the intake's mail to requesters): the outbox keeps every body, and the confirmation link's
 * token must be stored nowhere but as a hash.
 */
@Component
class ProcessorMail {

    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;

    ProcessorMail(ObjectProvider<JavaMailSender> smtp, @Value("${steward.mail.from:steward@localhost}") String from) {
        this.smtp = smtp;
        this.from = from;
    }

    /** Sends now; false when no SMTP server is configured or it refused the mail. */
    boolean send(String to, String subject, String text) {
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
