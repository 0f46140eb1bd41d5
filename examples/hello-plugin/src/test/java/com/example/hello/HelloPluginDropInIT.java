package com.example.hello;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drop-in story end to end: the real console jar, copied to a fresh directory with this plugin's jar in the
 * {@code plugins/} folder beside it, started from ANOTHER working directory on its embedded database. The plugin
 * must load without any rebuild of the console: migrated, started, its route registered and its menu entry listed.
 */
class HelloPluginDropInIT {

    private static final String PASSWORD = "drop-in-admin-passphrase";
    private static Process console;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startTheConsoleJarWithThePluginDroppedIn() throws Exception {
        Path root = Files.createTempDirectory("steward-dropin");
        Path install = Files.createDirectories(root.resolve("opt/steward"));
        Files.copy(Path.of(System.getProperty("console.jar")), install.resolve("steward-console.jar"));
        Files.createDirectories(install.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("plugin.jar")), install.resolve("plugins/hello-plugin.jar"));
        Path elsewhere = Files.createDirectories(root.resolve("somewhere/else"));
        log = root.resolve("console.log");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        console = new ProcessBuilder(java, "-jar", install.resolve("steward-console.jar").toString(),
                "--server.port=" + port, "--steward.home=" + root.resolve("home"), "--steward.admin.password=" + PASSWORD,
                // this test reads the API with the administrator's password (HTTP Basic), which an administrator
                // who must use two-factor authentication cannot: it is about plugin loading, not sign-in
                "--steward.security.mfa.required-roles=")
                .directory(elsewhere.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        waitUntilServing();
    }

    @AfterAll
    static void stop() throws Exception {
        if (console != null) {
            console.destroy();
            console.waitFor();
        }
    }

    private static HttpResponse<String> get(String path, boolean asAdmin) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntilServing() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!console.isAlive()) {
                throw new AssertionError("The console exited: " + Files.readString(log));
            }
            try {
                if (get("/login", false).statusCode() == 200) { // also starts Vaadin, which registers plugin routes
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The console did not start within 2 minutes: " + Files.readString(log));
    }

    @Test
    void the_dropped_in_plugin_is_enabled_with_its_route_menu_entry_widget_and_schema() throws Exception {
        HttpResponse<String> response = get("/api/platform/plugins", true);
        assertThat(response.statusCode()).isEqualTo(200);
        String hello = response.body().substring(response.body().indexOf("{\"id\":\"hello\""));
        hello = hello.substring(0, hello.indexOf("}}") + 2);
        assertThat(hello).contains("\"state\":\"ENABLED\"")
                .contains("opt/steward/plugins/hello-plugin.jar")
                .contains("\"ViewContribution\":[\"com.example.hello.HelloView\"]")
                .contains("Examples / Hello (hello.read)")
                .contains("Greetings (hello.read)");
        assertThat(Files.readString(log))
                .contains("Schema hello: 1 migration(s) applied")
                .contains("Loading 1 plugin jar(s) from " + Path.of(System.getProperty("java.io.tmpdir")).toRealPath().getRoot());
    }

    @Test
    void the_plugin_api_needs_an_authenticated_admin() throws Exception {
        assertThat(get("/api/platform/plugins", false).statusCode()).isEqualTo(401);
    }
}
