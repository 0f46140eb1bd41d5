package dev.steward.console.security;

import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's chart library (Apache ECharts from its webjar) reaches signed-in browsers, and only them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChartScriptAccessTest {

    private static final String SCRIPT = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String PASSWORD = "chart-test-passphrase";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void a_signed_in_user_gets_the_chart_script_as_javascript() throws Exception {
        new TestUsers(context).createWithPassword("chart-reader", Role.AUDITOR, PASSWORD);
        ConsoleHttp browser = new ConsoleHttp(port, null);
        browser.signIn("chart-reader", PASSWORD);

        var script = browser.get(SCRIPT);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("echarts");
    }

    @Test
    void a_stranger_is_sent_to_the_login_page_instead() throws Exception {
        var script = new ConsoleHttp(port, null).get(SCRIPT);
        assertThat(script.statusCode()).isNotEqualTo(200);
        assertThat(script.body()).doesNotContain("echarts");
    }
}
