package org.warroom.streams.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.json.JsonSerde;

/**
 * Serdes of the values streams keeps to itself: state stores (and their changelogs) and repartition topics. The same
 * JSON as {@link Json#mapper()}, written and read through Jackson's Blackbird module (generated accessors instead of
 * reflection), since their (de)serialization on every store {@code get}/{@code put} dominates processing. The feeds and
 * results keep the serdes of their {@code Topic}.
 */
public final class InternalSerdes {
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(new BlackbirdModule());

    private InternalSerdes() {
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type, MAPPER);
    }
}
