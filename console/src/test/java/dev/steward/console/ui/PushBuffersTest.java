package dev.steward.console.ui;

import org.atmosphere.cpr.AtmosphereFramework;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The push WebSocket's buffers: Atmosphere's replaced on the framework Vaadin keeps, Tomcat's unless set with -D. */
class PushBuffersTest {

    /** A framework as Vaadin leaves it after its own initialisation: 16 K among its init parameters, which win. */
    static class VaadinLikeFramework extends AtmosphereFramework {
        VaadinLikeFramework() {
            super(false, false);
            addInitParameter(PushBuffers.ATMOSPHERE_BUFFER_SIZE, "16384");
        }

        String parameter(String name) {
            return initParams.get(name);
        }
    }

    @Test
    void every_atmosphere_framework_of_the_context_gets_small_websocket_buffers() {
        MockServletContext context = new MockServletContext();
        VaadinLikeFramework atmosphere = new VaadinLikeFramework();
        context.setAttribute("org.atmosphere.cpr.AtmosphereFramework.springServlet", atmosphere);
        context.setAttribute("something else", "a string");

        assertThat(PushBuffers.apply(context)).isEqualTo(1);
        assertThat(atmosphere.parameter(PushBuffers.ATMOSPHERE_BUFFER_SIZE)).isEqualTo("1024");
    }

    @Test
    void tomcat_websocket_buffers_are_made_small_unless_the_operator_chose_a_size() {
        String before = System.getProperty(PushBuffers.TOMCAT_BUFFER_SIZE);
        try {
            System.clearProperty(PushBuffers.TOMCAT_BUFFER_SIZE);
            new PushBuffers().customize(null);
            assertThat(System.getProperty(PushBuffers.TOMCAT_BUFFER_SIZE)).isEqualTo("2048");

            System.setProperty(PushBuffers.TOMCAT_BUFFER_SIZE, "4096");
            new PushBuffers().customize(null);
            assertThat(System.getProperty(PushBuffers.TOMCAT_BUFFER_SIZE)).isEqualTo("4096");
        } finally {
            if (before == null) {
                System.clearProperty(PushBuffers.TOMCAT_BUFFER_SIZE);
            } else {
                System.setProperty(PushBuffers.TOMCAT_BUFFER_SIZE, before);
            }
        }
    }
}
