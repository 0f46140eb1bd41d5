package dev.steward.dsr;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the plugin's tests send to (GreenMail on the port of src/test/resources/config/application.properties),
 * started once per test JVM. Tests read only the mail to their own addresses.
 */
public final class TestMailbox {

    public static final int PORT = 42525;
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail smtp;

    private TestMailbox() {
    }

    public static synchronized void start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    /** The mails received so far for this address, oldest first. */
    public static List<MimeMessage> to(String address) {
        start();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The 6-digit code of the latest mail to this address, waiting up to 10 seconds for it. */
    public static String latestCode(String address) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> mails = to(address);
            if (!mails.isEmpty()) {
                Matcher code = CODE.matcher(GreenMailUtil.getBody(mails.getLast()));
                if (code.find()) {
                    return code.group(1);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No code was mailed to " + address);
    }
}
