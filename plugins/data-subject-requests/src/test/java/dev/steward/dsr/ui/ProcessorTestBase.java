package dev.steward.dsr.ui;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.steward.dsr.TestMailbox;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.FulfilmentUiFixtures;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskAction;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.KaribuTest;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.TASK;

/** A deletion request in progress whose processor has this test's own contact address (GreenMail receives its mail). */
abstract class ProcessorTestBase extends KaribuTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/processor-confirmation/([A-Za-z0-9_-]{43}))");

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    DSLContext dsl;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String vendor = "dpo-" + suffix + "@mailer.example";
    final String requesterName = "Rosa Diaz " + suffix;
    final String requesterEmail = "rosa." + suffix + "@example.org";

    @BeforeAll
    static void smtp() {
        TestMailbox.start();
    }

    @AfterEach
    void forgetHolders() {
        FulfilmentUiFixtures.clear();
    }

    <T> T bean(Class<T> type) {
        return registry.contextOf("dsr").orElseThrow().getBean(type);
    }

    /** The officer's deletion request with its processor's instruction task (assigned to "olivia" as the request is). */
    Task instructionTask() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        FulfilmentUiFixtures.systemAndProcessor(suffix);
        RightsRequest request = bean(RightsRequests.class).open(RequestForm.byEmail(Requester.named(requesterName, requesterEmail),
                "US-CA", EnumSet.of(RequestType.DELETION)));
        FulfilmentUiFixtures.verified(dsl, request.id());
        dsl.update(REQUEST).set(REQUEST.ASSIGNEE, "olivia-" + suffix).where(REQUEST.ID.eq(request.id())).execute();
        Task task = bean(FulfilmentTasks.class).startFulfilment(request.id()).stream()
                .filter(t -> t.action() == TaskAction.INSTRUCT_DELETE).findFirst().orElseThrow();
        dsl.update(TASK).set(TASK.CONTACT_EMAIL, vendor).where(TASK.ID.eq(task.id())).execute();
        return bean(FulfilmentTasks.class).find(task.id());
    }

    List<MimeMessage> mails() {
        return TestMailbox.to(vendor);
    }

    /** The link of the latest mail to the vendor, waiting up to 10 seconds for it to arrive. */
    String latestLink(int mailsExpected) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (mails().size() < mailsExpected && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<MimeMessage> mails = mails();
        if (mails.size() < mailsExpected) {
            throw new AssertionError("Expected " + mailsExpected + " mails to " + vendor + ", got " + mails.size());
        }
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mails.getLast()).replace("=\r\n", ""));
        if (!link.find()) {
            throw new AssertionError("No confirmation link in " + GreenMailUtil.getBody(mails.getLast()));
        }
        return link.group(1);
    }

    static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    String body(int index) {
        return GreenMailUtil.getBody(mails().get(index)).replace("=\r\n", "");
    }
}
