package org.warroom.streams.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * Bounds the memory of the RocksDB state stores of the process ({@code streams.rocksdb.memory}, default 64 MiB): one
 * block cache of that size shared by all stores (RocksDB's default is 50 MiB of cache per store instance), and small
 * memtables per store ({@value #MEMTABLE_BYTES} bytes, at most {@value #MEMTABLES} of them, instead of three of 16 MiB).
 * Without it the resident memory of the streams process grew for as long as data arrived (a 30-minute soak:
 * +840 MiB). A first version also put the memtables under the cache with a write-buffer manager and kept index and
 * filter blocks in the cache: with about a hundred store instances sharing 16 MiB of memtables, stores flushed all
 * the time and the stream thread waited in RocksDB: 35 records/s instead of more than 1,000.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** The streams property that carries the budget in bytes (set by {@link WarroomStreamsConfig#streamsProperties()}). */
    public static final String TOTAL_BYTES = "warroom.rocksdb.memory.bytes";
    static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    static final int MEMTABLES = 2;

    private static Cache cache;
    private static long budget;

    private static synchronized Cache cache(long bytes) {
        if (cache == null) {
            budget = bytes;
            cache = new LRUCache(bytes);
        }
        return cache;
    }

    /** The budget the shared cache was made with (0 before the first store was opened). */
    static synchronized long budget() {
        return budget;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object given = configs.get(TOTAL_BYTES);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache(given == null ? DEFAULT_BYTES : Long.parseLong(given.toString())));
        options.setTableFormatConfig(table);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache is shared by every store of the process: never closed per store.
    }
}
