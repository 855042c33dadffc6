package org.warroom.notifier;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.vertxkafka.TopicWriter;

/** Writes delivery records to {@code warroom.deliveries}; each write is also handed to {@code onWrite} (the engine's memory). */
public final class DeliveryLog {
    private final TopicWriter writer;
    private final Consumer<Delivery> onWrite;

    public DeliveryLog(TopicWriter writer, Consumer<Delivery> onWrite) {
        this.writer = writer;
        this.onWrite = onWrite;
    }

    /** Completes once Kafka took every record. */
    public Future<Void> writeAll(List<Delivery> records) {
        List<Future<?>> writes = new ArrayList<>();
        for (Delivery d : records) {
            writes.add(writer.write(NotifyTopics.DELIVERIES, d.alertId(), d).onSuccess(m -> onWrite.accept(d)));
        }
        return Future.all(writes).mapEmpty();
    }
}
