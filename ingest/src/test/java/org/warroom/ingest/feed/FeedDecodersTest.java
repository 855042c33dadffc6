package org.warroom.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.json.Json;
import org.warroom.ingest.reference.DirectoryPlaces;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.validate.Problem;

/** Every mapping and validation rule of the four feeds, against the real district tables. */
class FeedDecodersTest {
    static final Places PLACES = DirectoryPlaces.load(Optional.empty(), List.of("23", "10"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    static final String AT = "2026-04-01T18:13:00+05:30";

    private final CallsDecoder calls = new CallsDecoder(PLACES, List.of("181", "104", "1075", "district-control",
            "worker-helpline"), CLOCK);
    private final MessagesDecoder messages = new MessagesDecoder(PLACES, new CommodityRecognizer(), CLOCK);
    private final ReportsDecoder reports = new ReportsDecoder(PLACES, CLOCK);
    private final WorkersDecoder workers = new WorkersDecoder(PLACES, CLOCK);

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<String> fields(Decoded d) {
        return d.problems().stream().map(Problem::field).toList();
    }

    static String reasons(Decoded d) {
        return d.problems().stream().map(Problem::reason).reduce("", (a, b) -> a + " | " + b);
    }

    @Test
    void callStepIsKeyedByCallAndCarriesTheSource() {
        Decoded d = calls.decode(json("{'id':'s1','kind':'call','call':'C1','line':'181','district':'396',"
                + "'event':'started','at':'" + AT + "','caller':'+919876541234'}"), "centre-a");
        assertThat(d.ok()).isTrue();
        assertThat(d.event().topic().name()).isEqualTo("warroom.calls");
        assertThat(d.event().key()).isEqualTo("C1");
        assertThat(((CallStep) d.event().value()).source()).isEqualTo("centre-a");
    }

    @Test
    void districtCodeMayBeANumber() {
        Decoded d = calls.decode(json("{'id':'s1','kind':'call','call':'C1','line':'104','district':396,"
                + "'event':'ended','at':'" + AT + "','caller':'x'}"), "a");
        assertThat(d.ok()).isTrue();
        assertThat(d.event().district()).isEqualTo("396");
    }

    @Test
    void unknownKindLineEventAndDistrictNameTheAllowedValues() {
        assertThat(reasons(calls.decode(json("{'kind':'sms'}"), "a"))).contains("allowed: call, ticket");
        Decoded d = calls.decode(json("{'id':'s1','kind':'call','call':'C1','line':'100','district':'Bhopal',"
                + "'event':'hangup','at':'yesterday','caller':'x'}"), "a");
        assertThat(fields(d)).containsExactly("line", "district", "event", "at");
        assertThat(reasons(d)).contains("allowed: 181, 104, 1075, district-control, worker-helpline")
                .contains("did you mean 396 Bhopal?")
                .contains("allowed: started, answered, ended, abandoned")
                .contains("ISO-8601 time with an offset");
    }

    @Test
    void didYouMeanFindsMisspelledAndOldNames() {
        assertThat(reasons(calls.decode(json("{'kind':'call','district':'Hoshangabad'}"), "a")))
                .containsPattern("did you mean \\d+ Narmadapuram\\?");
        assertThat(reasons(calls.decode(json("{'kind':'call','district':'Bhopaal'}"), "a")))
                .contains("did you mean 396 Bhopal?");
    }

    @Test
    void timesWithoutOffsetOrFarInTheFutureAreRefused() {
        Decoded d = calls.decode(json("{'id':'s1','kind':'call','call':'C1','line':'181','district':'396',"
                + "'event':'started','at':'2026-04-01T18:13:00','caller':'x'}"), "a");
        assertThat(fields(d)).containsExactly("at");
        Decoded future = calls.decode(json("{'id':'s1','kind':'call','call':'C1','line':'181','district':'396',"
                + "'event':'started','at':'2026-04-05T18:13:00+05:30','caller':'x'}"), "a");
        assertThat(reasons(future)).contains("in the future");
    }

    @Test
    void idsAreLimitedToSafeCharacters() {
        Decoded d = calls.decode(json("{'id':'<script>','kind':'call','call':'C 1','line':'181','district':'396',"
                + "'event':'started','at':'" + AT + "','caller':'x'}"), "a");
        assertThat(fields(d)).containsExactly("id", "call");
    }

    @Test
    void ticketStepTakesItsCommodityFromTheCategoryAndDefaultsToNormalPriority() {
        Decoded d = calls.decode(json("{'id':'t1','kind':'ticket','ticket':'T1','district':'212','department':'Food',"
                + "'category':'Medicine','event':'opened','at':'" + AT + "'}"), "a");
        assertThat(d.ok()).isTrue();
        TicketStep t = (TicketStep) d.event().value();
        assertThat(d.event().key()).isEqualTo("T1");
        assertThat(t.category()).isEqualTo("medicine");
        assertThat(t.commodity()).hasToString("MEDICINE");
        assertThat(t.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void ticketCategoryAndPriorityAreChecked() {
        Decoded d = calls.decode(json("{'id':'t1','kind':'ticket','ticket':'T1','district':'212','department':'Food',"
                + "'category':'gold','event':'closed','at':'" + AT + "','priority':'asap'}"), "a");
        assertThat(fields(d)).containsExactly("category", "event", "priority");
        assertThat(reasons(d)).contains("health, wages, stranded, transport, other").contains("allowed: normal, urgent");
    }

    @Test
    void messageWithGivenDistrictKeepsIt() {
        Decoded d = messages.decode(json("{'id':'m1','channel':'whatsapp','from':'+91','text':'Patna mein pani nahi',"
                + "'at':'" + AT + "','district':'396'}"), "a");
        CitizenMessage m = (CitizenMessage) d.event().value();
        assertThat(m.district()).isEqualTo("396");
        assertThat(m.districtSource()).isEqualTo("given");
        assertThat(m.language()).isEqualTo("en");
    }

    @Test
    void messageDistrictIsRecognisedInHindiAndEnglish() {
        CitizenMessage hi = (CitizenMessage) messages.decode(json("{'id':'m1','channel':'sms','from':'1',"
                + "'text':'भोपाल में राशन नहीं मिल रहा','at':'" + AT + "'}"), "a").event().value();
        assertThat(hi.district()).isEqualTo("396");
        assertThat(hi.districtSource()).isEqualTo("recognised");
        assertThat(hi.language()).isEqualTo("hi");
        CitizenMessage en = (CitizenMessage) messages.decode(json("{'id':'m2','channel':'twitter','from':'1',"
                + "'text':'No drinking water in Gopalganj for 2 days','at':'" + AT + "'}"), "a").event().value();
        assertThat(en.district()).isNotNull();
        assertThat(en.commodities()).hasSize(1);
    }

    @Test
    void messageWithoutRecognisableDistrictIsKeptAndFlagged() {
        Decoded d = messages.decode(json("{'id':'m1','channel':'sms','from':'1','text':'help please','at':'" + AT + "'}"), "a");
        assertThat(d.ok()).isTrue();
        assertThat(((CitizenMessage) d.event().value()).districtSource()).isEqualTo("unknown");
        assertThat(d.event().district()).isNull();
    }

    @Test
    void messageChannelAndTextAreRequired() {
        Decoded d = messages.decode(json("{'id':'m1','channel':'telegram','from':'1','at':'" + AT + "'}"), "a");
        assertThat(fields(d)).containsExactly("channel", "text");
        assertThat(reasons(d)).contains("allowed: whatsapp, sms, twitter, facebook, other");
    }

    @Test
    void reportIsKeyedByDistrictAndItemsAreChecked() {
        Decoded ok = reports.decode(json("{'id':'r1','district':'396','at':'" + AT + "','items':[{'commodity':'ration',"
                + "'stock':100,'dailyNeed':20,'inTransit':5,'unit':'quintal'}]}"), "a");
        assertThat(ok.event().key()).isEqualTo("396");
        Decoded bad = reports.decode(json("{'id':'r1','district':'396','at':'" + AT + "','items':[{'commodity':'milk',"
                + "'stock':-1,'dailyNeed':'5'},{'commodity':'milk','stock':1e308,'dailyNeed':1},7]}"), "a");
        assertThat(fields(bad)).containsExactly("items[0].stock", "items[0].dailyNeed", "items[1].stock",
                "items[1].commodity", "items[2]");
        assertThat(fields(reports.decode(json("{'id':'r1','district':'396','at':'" + AT + "','items':[]}"), "a")))
                .containsExactly("items");
    }

    @Test
    void workerStateNameBecomesItsCodeAndDistrictGivesItsState() {
        Decoded d = workers.decode(json("{'id':'w1','name':'सीता देवी','phone':'+91 99345 12345','homeDistrict':'212',"
                + "'skills':['Tailoring','tailoring'],'status':'working','currentState':'Gujarat','source':'registry'}"), "a");
        WorkerRecord w = (WorkerRecord) d.event().value();
        assertThat(w.currentState()).isEqualTo("24");
        assertThat(w.skills()).containsExactly("tailoring");
        assertThat(d.event().districtField()).isEqualTo("homeDistrict");
        WorkerRecord fromDistrict = (WorkerRecord) workers.decode(json("{'id':'w2','name':'a','phone':'9934512345',"
                + "'homeDistrict':'212','status':'working','currentDistrict':'396','source':'call'}"), "a").event().value();
        assertThat(fromDistrict.currentState()).isEqualTo("23");
    }

    @Test
    void workerFieldsAreChecked() {
        Decoded d = workers.decode(json("{'id':'w1','name':'a','phone':'call me','homeDistrict':'212',"
                + "'status':'lost','currentState':'Atlantis','source':'rumour'}"), "a");
        assertThat(fields(d)).containsExactly("phone", "status", "currentState", "source");
        Decoded mismatch = workers.decode(json("{'id':'w1','name':'a','phone':'9934512345','homeDistrict':'212',"
                + "'status':'working','currentState':'10','currentDistrict':'396','source':'call'}"), "a");
        assertThat(fields(mismatch)).containsExactly("currentDistrict");
    }

    @Test
    void registryRowsDefaultTheirSource() {
        Decoded d = workers.decode(json("{'id':'w1','name':'a','phone':'9934512345','homeDistrict':'212','status':'home'}"),
                WorkerSource.REGISTRY);
        assertThat(((WorkerRecord) d.event().value()).source()).isEqualTo(WorkerSource.REGISTRY);
    }
}
