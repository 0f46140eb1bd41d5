package dev.steward.console;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaMail waits forever by default; the console's configuration gives the SMTP connection timeouts. */
class SmtpTimeoutsTest {

    @Test
    void connecting_reading_and_writing_to_the_mail_server_each_time_out_after_ten_seconds_by_default() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = StewardApplication.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties).containsEntry("spring.mail.properties.mail.smtp.connectiontimeout", "10000")
                .containsEntry("spring.mail.properties.mail.smtp.timeout", "10000")
                .containsEntry("spring.mail.properties.mail.smtp.writetimeout", "10000");
    }
}
