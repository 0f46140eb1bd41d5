package dev.steward.console.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.util.Collections;

/**
 * Small per-connection buffers for the push WebSocket, which stays open as long as its tab. Vaadin's client talks to
 * the server over XHR; the push channel only carries the server's messages, so buffers sized for reading big messages
 * are heap held per open tab for nothing (Tomcat's text and binary message buffers are kept small in
 * application.properties for the same reason).
 * <ul>
 * <li>Atmosphere gives every WebSocket a byte and a char buffer of {@code org.atmosphere.websocket.bufferSize}, which
 * Vaadin sets to 16 K: 48 KB per tab, yet with JSR 356 they only serve messages read as a stream, and Atmosphere
 * grows them on demand up to its maximum message sizes (which stay as Vaadin set them). Vaadin keeps its 16 K among the
 * framework's own init parameters, which win over the servlet's, so it is replaced on the framework, as Vaadin does
 * for its long-polling timeout; the framework reads it for each new WebSocket.</li>
 * <li>Tomcat gives every WebSocket an input, an output and an encoder buffer of
 * {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} (8 KB each, a system property read once): 2 KB each is
 * enough for the client's control frames, and a longer push message is sent as several frames.</li>
 * </ul>
 * Together about 65 KB less per open tab (SessionMemoryBenchmark).
 */
@Component
class PushBuffers implements VaadinServiceInitListener, WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final String ATMOSPHERE_BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";
    static final String TOMCAT_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    static final int ATMOSPHERE_BYTES = 1024;
    static final int TOMCAT_BYTES = 2048;

    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    /** Before the server starts, so before Tomcat's WebSocket classes read the property; a value set with -D stays. */
    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (System.getProperty(TOMCAT_BUFFER_SIZE) == null) {
            System.setProperty(TOMCAT_BUFFER_SIZE, Integer.toString(TOMCAT_BYTES));
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (event.getSource() instanceof VaadinServletService service && service.getServlet() != null) {
            int adjusted = apply(service.getServlet().getServletContext());
            log.debug("Push WebSocket buffers of {} bytes for {} Atmosphere framework(s)", ATMOSPHERE_BYTES, adjusted);
        }
    }

    /** Sets the buffer size on every Atmosphere framework of the context (Vaadin keeps it as a context attribute). */
    static int apply(ServletContext context) {
        int adjusted = 0;
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof AtmosphereFramework atmosphere) {
                atmosphere.addInitParameter(ATMOSPHERE_BUFFER_SIZE, Integer.toString(ATMOSPHERE_BYTES));
                adjusted++;
            }
        }
        return adjusted;
    }
}
