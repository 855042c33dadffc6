package org.warroom.streams.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds all the memory RocksDB takes for the state stores of the process by one budget
 * ({@code streams.rocksdb.memory}, default 128 MiB): one block cache of that size shared by every store instance, which
 * also holds the index and filter blocks of every table file (otherwise kept outside any bound, one set per file, so
 * they grow with the data) and is charged for the memtables, which a write-buffer manager caps together at half the
 * budget. Each store keeps small memtables ({@value #MEMTABLE_BYTES} bytes, at most {@value #MEMTABLES}).
 *
 * <p>History: RocksDB's defaults (a 50 MiB cache per store instance, three 16 MiB memtables) let a 30-minute soak
 * grow 639 → 1,476 MiB; a shared cache and small memtables without a common cap still grew 10 MB a minute (memtables
 * of about a hundred store instances filling towards 864 MiB, index and filter blocks of every new file); a first cap
 * of 16 MiB for all memtables flushed all the time and made the stream thread 30 times slower.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** The streams property that carries the budget in bytes (set by {@link WarroomStreamsConfig#streamsProperties()}). */
    public static final String TOTAL_BYTES = "warroom.rocksdb.memory.bytes";
    static final long DEFAULT_BYTES = 128L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    static final int MEMTABLES = 2;
    /** Share of the cache kept for index and filter blocks, evicted only after the data blocks. */
    private static final double INDEX_AND_FILTER_SHARE = 0.2;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    private static synchronized void open(long bytes) {
        if (cache == null) {
            budget = bytes;
            cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            writeBuffers = new WriteBufferManager(bytes / 2, cache);
        }
    }

    /** The budget the shared cache was made with (0 before the first store was opened). */
    static synchronized long budget() {
        return budget;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object given = configs.get(TOTAL_BYTES);
        open(given == null ? DEFAULT_BYTES : Long.parseLong(given.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of the process: never closed per store.
    }
}
