package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.event.WorkerRecord;

/**
 * A worker as indexed (family {@code workers}, id = worker id; the latest record wins). {@code name} and
 * {@code phone} are personal data; {@code nameMasked}/{@code phoneMasked} sit beside them. {@code phoneLast4} serves
 * suffix search; {@code phoneReversed} (indexed, not kept in {@code _source}) serves longer suffixes as a prefix
 * query. {@code district} holds the home and current districts, so one terms filter scopes the registry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerDoc(
        String id,
        String name,
        String nameMasked,
        String phone,
        String phoneMasked,
        String phoneLast4,
        String phoneReversed,
        String homeDistrict,
        String currentState,
        String currentDistrict,
        List<String> district,
        List<String> skills,
        String status,
        OffsetDateTime verifiedAt,
        String source,
        OffsetDateTime at) {

    public static final String PROTECTED_NAME = "name";
    public static final String PROTECTED_PHONE = "phone";

    public static WorkerDoc of(WorkerRecord w) {
        List<String> districts = new ArrayList<>(2);
        if (w.homeDistrict() != null) {
            districts.add(w.homeDistrict());
        }
        if (w.currentDistrict() != null && !w.currentDistrict().equals(w.homeDistrict())) {
            districts.add(w.currentDistrict());
        }
        return new WorkerDoc(w.id(), w.name(), PersonalData.maskName(w.name()), w.phone(),
                PersonalData.maskPhone(w.phone()), PersonalData.last4(w.phone()), PersonalData.reversedDigits(w.phone()),
                w.homeDistrict(), w.currentState(), w.currentDistrict(), List.copyOf(districts), w.skills(),
                w.status() == null ? null : w.status().wire(), w.verifiedAt(),
                w.source() == null ? null : w.source().wire(), w.at());
    }
}
