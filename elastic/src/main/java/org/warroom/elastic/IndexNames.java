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

    /**
     * The month of a monthly index of {@code family} from its name ({@code warroom-messages-2026.11} → 2026-11); empty
     * for another family's index, the registry's, or a name that is not {@code <family>-yyyy.MM}.
     */
    public java.util.Optional<java.time.YearMonth> month(IndexFamily family, String index) {
        String head = base(family) + "-";
        if (!family.monthly() || !index.startsWith(head) || !index.substring(head.length()).matches("\\d{4}\\.\\d{2}")) {
            return java.util.Optional.empty();
        }
        String month = index.substring(head.length());
        int m = Integer.parseInt(month.substring(5));
        return m < 1 || m > 12 ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.YearMonth.of(Integer.parseInt(month.substring(0, 4)), m));
    }

    /** The component template that carries the family's index lifecycle (put by the indexer where ILM runs). */
    public String lifecycleComponent(IndexFamily family) {
        return base(family) + "-lifecycle";
    }

    /** The family's index lifecycle (ILM) policy: delete after its retention. */
    public String lifecyclePolicy(IndexFamily family) {
        return base(family) + "-retention";
    }

    private String base(IndexFamily family) {
        return prefix + "-" + family.word();
    }
}
