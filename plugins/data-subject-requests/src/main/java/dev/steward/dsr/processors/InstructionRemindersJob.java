package dev.steward.dsr.processors;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

/** Every morning: processors that did not confirm a deletion are reminded, and after the last reminder the team is told. */
@Component
class InstructionRemindersJob implements ScheduledJob {

    private final InstructionReminders reminders;

    InstructionRemindersJob(InstructionReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public String id() {
        return "dsr.processor-reminders";
    }

    @Override
    public String description() {
        return "Reminds processors that did not confirm an instruction to delete within 7 days (twice), then tells the request's assignee";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 0 7 * * *");
    }

    @Override
    public void run(JobContext context) {
        reminders.remindDue(context.startedAt());
    }
}
