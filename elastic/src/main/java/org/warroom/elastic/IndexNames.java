package org.warroom.elastic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Index, alias, pattern and template names for one deployment prefix ({@code es.index.prefix}): the only place they
 * are spelled. Monthly indices are named by the UTC month of the document's own time, so the same event always lands
 * in the same index (and a re-sent one meets its earlier copy there).
 */
public record IndexNames(String prefix) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    /** The registry's single index is versioned so a new mapping can be rolled in beside the old one. */
    public static final String REGISTRY_VERSION = "v1";

    /** The index a document of {@code family} with time {@code at} belongs to. */
    public String index(IndexFamily family, TemporalAccessor at) {
        if (!family.monthly()) {
            return base(family) + "-" + REGISTRY_VERSION;
        }
        return base(family) + "-" + MONTH.format(at == null ? Instant.EPOCH : Instant.from(at));
    }

    /** The alias every index of the family carries. */
    public String alias(IndexFamily family) {
        return base(family);
    }

    /** A pattern matching every index of the family (searches use it: an empty family yields no hits, no error). */
    public String pattern(IndexFamily family) {
        return base(family) + "-*";
    }

    /** The name of the family's index template. */
    public String template(IndexFamily family) {
        return base(family);
    }

    private String base(IndexFamily family) {
        return prefix + "-" + family.word();
    }
}
