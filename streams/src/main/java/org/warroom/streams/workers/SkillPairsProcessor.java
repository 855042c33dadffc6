package org.warroom.streams.workers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.WorkerRecord;

/**
 * Turns the worker table's updates into a table of {@code worker|skill} pairs: an upsert for each skill the worker
 * has now, a tombstone for each skill the worker no longer has (store {@code workers-skills} remembers the
 * previous skills). The pairs table is then counted per skill with a subtractor, like the other dimensions.
 */
final class SkillPairsProcessor implements Processor<String, WorkerRecord, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, SkillSet> previous;

    /** The skills a worker had at the last update (store value). */
    record SkillSet(List<String> skills) {
        SkillSet {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.previous = context.getStateStore(WorkerDistributionTopology.SKILLS_STORE);
    }

    @Override
    public void process(Record<String, WorkerRecord> record) {
        String worker = record.key();
        SkillSet before = previous.get(worker);
        Set<String> now = new LinkedHashSet<>();
        if (record.value() != null) {
            record.value().skills().stream().map(WorkerDistributionTopology::skillKey).filter(s -> !s.isEmpty())
                    .forEach(now::add);
        }
        if (before != null) {
            for (String skill : before.skills()) {
                if (!now.contains(skill)) {
                    context.forward(record.withKey(worker + "|" + skill).withValue(null));
                }
            }
        }
        for (String skill : now) {
            if (before == null || !before.skills().contains(skill)) {
                context.forward(record.withKey(worker + "|" + skill).withValue(skill));
            }
        }
        if (now.isEmpty()) {
            previous.delete(worker);
        } else {
            previous.put(worker, new SkillSet(List.copyOf(now)));
        }
    }
}
