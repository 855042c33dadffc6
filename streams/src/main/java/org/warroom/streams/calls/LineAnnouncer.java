package org.warroom.streams.calls;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.warroom.contracts.event.CallStep;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;

/**
 * Before the repartition by line: passes call steps on, and once per start of the task reading partition 0 of the
 * calls, adds one announcement per configured line ({@link #announcement(String)}). The announcements go through the
 * repartition like calls, so each reaches the one task that owns its line, which sends the line's load if it never
 * has (a wall screen shows every configured line with its capacity before its first call). The tasks that do not
 * own a line must not send it: their zero overwrote the owner's count.
 */
final class LineAnnouncer implements Processor<String, CallStep, String, CallStep> {
    /** The step id of an announcement; an announcement has no call. */
    static final String ANNOUNCEMENT_ID = "line-announcement";

    private final Rules rules;
    private ProcessorContext<String, CallStep> context;
    private Cancellable schedule;

    LineAnnouncer(Rules rules) {
        this.rules = rules;
    }

    static CallStep announcement(String line) {
        return new CallStep(ANNOUNCEMENT_ID, null, line, null, null, null, null, null, "streams");
    }

    static boolean isAnnouncement(CallStep step) {
        return step.call() == null && ANNOUNCEMENT_ID.equals(step.id());
    }

    @Override
    public void init(ProcessorContext<String, CallStep> context) {
        this.context = context;
        if (context.taskId().partition() == 0) {
            Duration first = rules.punctuateInterval().compareTo(Duration.ofSeconds(1)) < 0
                    ? rules.punctuateInterval() : Duration.ofSeconds(1);
            schedule = context.schedule(first, PunctuationType.WALL_CLOCK_TIME, this::announce);
        }
    }

    @Override
    public void process(Record<String, CallStep> record) {
        context.forward(record);
    }

    private void announce(long now) {
        for (String line : rules.calls().capacities().keySet()) {
            context.forward(new Record<>(line, announcement(line), now));
        }
        schedule.cancel();
    }
}
