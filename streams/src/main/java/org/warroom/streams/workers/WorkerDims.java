package org.warroom.streams.workers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.result.DistributionBucket;

/**
 * What the distributions count of one worker: a bucket per dimension (never null: {@code unknown} when the record has
 * none), the distinct skills (lower-cased) and the UTC day of the last verification ({@link VerifiedHistogram#NEVER}
 * when never). Kept per worker in store {@value WorkerDistributionTopology#DIMS_STORE} so the next record of the same
 * worker knows which buckets it leaves. Stored as a compact binary layout ({@link #SERDE}), not JSON: one read and
 * one write per worker record.
 */
record WorkerDims(String currentState, String currentDistrict, String homeDistrict, String status, List<String> skills,
                  long verifiedDay) {
    /** Prefix of the totals' keys among the bucket deltas (no dimension name starts with it). */
    static final String TOTALS = "@";
    /** Key of the registry size's delta. */
    static final String TOTAL = TOTALS + "total";
    /** Key prefix of a verification day's delta: {@code @day|<days since the epoch>}. */
    static final String DAY = TOTALS + "day|";

    private static final byte VERSION = 1;

    WorkerDims {
        skills = List.copyOf(skills);
    }

    static WorkerDims of(WorkerRecord worker) {
        TreeSet<String> skills = new TreeSet<>();
        worker.skills().stream().map(WorkerDistributionTopology::skillKey).filter(s -> !s.isEmpty()).forEach(skills::add);
        return new WorkerDims(WorkerDistributionTopology.bucket(worker.currentState()),
                WorkerDistributionTopology.bucket(worker.currentDistrict()),
                WorkerDistributionTopology.bucket(worker.homeDistrict()),
                WorkerDistributionTopology.bucket(worker.status() == null ? null : worker.status().wire()),
                new ArrayList<>(skills), VerifiedHistogram.dayOf(worker));
    }

    /** Every count this worker is in: {@code by|bucket} keys, {@link #TOTAL} and (when verified) its day. */
    List<String> counted() {
        List<String> keys = new ArrayList<>(6 + skills.size());
        keys.add(DistributionBucket.key(DistributionBucket.BY_CURRENT_STATE, currentState));
        keys.add(DistributionBucket.key(DistributionBucket.BY_CURRENT_DISTRICT, currentDistrict));
        keys.add(DistributionBucket.key(DistributionBucket.BY_HOME_DISTRICT, homeDistrict));
        keys.add(DistributionBucket.key(DistributionBucket.BY_STATUS, status));
        skills.forEach(skill -> keys.add(DistributionBucket.key(DistributionBucket.BY_SKILL, skill)));
        keys.add(TOTAL);
        if (verifiedDay != VerifiedHistogram.NEVER) {
            keys.add(DAY + verifiedDay);
        }
        return keys;
    }

    /** Layout: version byte, four UTF strings, skill count and skills, the day as a long. */
    static final Serde<WorkerDims> SERDE = Serdes.serdeFrom(new Serializer<>() {
        @Override
        public byte[] serialize(String topic, WorkerDims dims) {
            if (dims == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                out.writeUTF(dims.currentState);
                out.writeUTF(dims.currentDistrict);
                out.writeUTF(dims.homeDistrict);
                out.writeUTF(dims.status);
                out.writeShort(dims.skills.size());
                for (String skill : dims.skills) {
                    out.writeUTF(skill);
                }
                out.writeLong(dims.verifiedDay);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }, new Deserializer<>() {
        @Override
        public WorkerDims deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new IllegalArgumentException("worker dimensions: unknown layout version " + version);
                }
                String state = in.readUTF();
                String district = in.readUTF();
                String home = in.readUTF();
                String status = in.readUTF();
                int n = in.readShort();
                List<String> skills = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    skills.add(in.readUTF());
                }
                return new WorkerDims(state, district, home, status, skills, in.readLong());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    });
}
