package org.warroom.dashboard.query;

/**
 * A worker registry search ({@code workers/search?q=&district=&skill=}). Every criterion is optional; together they
 * narrow (AND).
 *
 * @param q               a name (words, typo-tolerant) or, when it is only digits (spaces, dashes and + allowed), a
 *                        phone number suffix (at least 4 digits; callers who may not see personal data: exactly 4)
 * @param district        workers whose home or current district is this one (inside the scope)
 * @param homeDistrict    workers from this district
 * @param currentDistrict workers working in this district
 * @param currentState    workers working in this state (LGD state code)
 * @param skill           one skill, exact (lower-case)
 * @param status          {@code home|working|unreachable}
 */
public record WorkerQuery(String q, String district, String homeDistrict, String currentDistrict, String currentState,
                          String skill, String status, int offset, int size) {

    public static WorkerQuery of(String q) {
        return new WorkerQuery(q, null, null, null, null, null, null, 0, 20);
    }

    public WorkerQuery inDistrict(String d) {
        return new WorkerQuery(q, d, homeDistrict, currentDistrict, currentState, skill, status, offset, size);
    }

    public WorkerQuery from(String home) {
        return new WorkerQuery(q, district, home, currentDistrict, currentState, skill, status, offset, size);
    }

    public WorkerQuery workingIn(String current) {
        return new WorkerQuery(q, district, homeDistrict, current, currentState, skill, status, offset, size);
    }

    public WorkerQuery withSkill(String s) {
        return new WorkerQuery(q, district, homeDistrict, currentDistrict, currentState, s, status, offset, size);
    }

    public WorkerQuery withStatus(String s) {
        return new WorkerQuery(q, district, homeDistrict, currentDistrict, currentState, skill, s, offset, size);
    }

    public WorkerQuery page(int o, int s) {
        return new WorkerQuery(q, district, homeDistrict, currentDistrict, currentState, skill, status, o, s);
    }
}
