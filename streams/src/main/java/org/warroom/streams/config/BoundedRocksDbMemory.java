package org.warroom.streams.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB state store of the process under one memory budget ({@code streams.rocksdb.memory}, default
 * 64 MiB): one block cache shared by all stores, which also holds index and filter blocks, and whose quarter bounds
 * the memtables of all stores together. Without it each store instance takes its own 50 MiB block cache and up to
 * three 16 MiB memtables, so the resident memory of the streams process grew with the number of stores × partitions
 * for as long as data arrived (a 30-minute soak: +400 MiB).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** The streams property that carries the budget in bytes (set by {@link WarroomStreamsConfig#streamsProperties()}). */
    public static final String TOTAL_BYTES = "warroom.rocksdb.memory.bytes";
    static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    private static final double MEMTABLE_SHARE = 0.25;
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    private static synchronized void init(long bytes) {
        if (cache == null) {
            budget = bytes;
            cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
        }
    }

    /** The budget the shared cache was made with (0 before the first store was opened). */
    static synchronized long budget() {
        return budget;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object given = configs.get(TOTAL_BYTES);
        init(given == null ? DEFAULT_BYTES : Long.parseLong(given.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process: never closed per store.
    }
}
