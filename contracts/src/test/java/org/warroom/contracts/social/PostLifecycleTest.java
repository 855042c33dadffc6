package org.warroom.contracts.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostLifecycleTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private final PostLifecycle lifecycle = new PostLifecycle(PostLimits.defaults());

    private SocialPost draft() {
        return lifecycle.draft("P-1", Network.X, "en", "Bulletin text", T, "op1", T);
    }

    @Test
    @DisplayName("draft → edited (version 2, editor kept) → approved by someone else (version 3)")
    void shouldEditThenApprove() {
        SocialPost edited = lifecycle.edit(draft(), 1, "  New text  ", "op1", T.plusSeconds(60));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.text()).isEqualTo("New text");
        assertThat(edited.editedBy()).isEqualTo("op1");
        assertThat(edited.state()).isEqualTo(PostState.DRAFT);
        SocialPost approved = lifecycle.approve(edited, 2, true, "op2", T.plusSeconds(120));
        assertThat(approved.version()).isEqualTo(3);
        assertThat(approved.state()).isEqualTo(PostState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("op2");
        assertThat(approved.idempotencyKey()).isEqualTo("warroom-post-P-1-v3");
    }

    @Test
    @DisplayName("a template's own text may be approved by whoever generated it")
    void shouldLetTheGeneratorApproveTheTemplate() {
        assertThat(lifecycle.approve(draft(), 1, true, "op1", T).state()).isEqualTo(PostState.APPROVED);
    }

    @Test
    @DisplayName("refusals: empty text and too long (400, field text), stale version (409), own edit, no provider, not a draft (422)")
    void shouldRefuse() {
        assertThatThrownBy(() -> lifecycle.edit(draft(), 1, " ", "op1", T)).isInstanceOfSatisfying(PostRefused.class,
                e -> assertThat(e.reason() + " " + e.field()).isEqualTo("INVALID text"));
        assertThatThrownBy(() -> lifecycle.edit(draft(), 1, "a".repeat(281), "op1", T))
                .isInstanceOfSatisfying(PostRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.getMessage()).contains("281").contains("280");
                });
        assertThatThrownBy(() -> lifecycle.edit(draft(), 7, "x", "op1", T)).isInstanceOfSatisfying(PostRefused.class,
                e -> assertThat(e.reason()).isEqualTo(PostRefused.Reason.STALE));
        SocialPost edited = lifecycle.edit(draft(), 1, "mine", "op1", T);
        assertThatThrownBy(() -> lifecycle.approve(edited, 2, true, "op1", T))
                .isInstanceOfSatisfying(PostRefused.class, e -> assertThat(e.field()).isEqualTo("user"));
        assertThatThrownBy(() -> lifecycle.approve(edited, 2, false, "op2", T))
                .isInstanceOfSatisfying(PostRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("network");
                    assertThat(e.getMessage()).contains("stays a draft");
                });
        SocialPost approved = lifecycle.approve(edited, 2, true, "op2", T);
        assertThatThrownBy(() -> lifecycle.edit(approved, 3, "later", "op2", T))
                .isInstanceOfSatisfying(PostRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(PostRefused.Reason.NOT_ALLOWED));
    }
}
