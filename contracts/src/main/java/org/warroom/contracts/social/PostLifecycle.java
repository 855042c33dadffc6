package org.warroom.contracts.social;

import java.time.Instant;
import org.warroom.contracts.social.PostRefused.Reason;

/**
 * A post's steps: {@code draft ──edit*──► draft ──approve──► approved} (then the notifier publishes it, once).
 * Every step names the version it was made on (a stale one: {@link Reason#STALE}). The text is never empty and fits
 * its network ({@link PostLimits}). Four eyes: whoever last edited the text cannot approve it — a template's own
 * text (never edited) may be approved by anyone, including who generated it. Approving needs the network's provider
 * configured (otherwise drafts stay drafts). Pure.
 */
public final class PostLifecycle {
    private final PostLimits limits;

    public PostLifecycle(PostLimits limits) {
        this.limits = limits;
    }

    public SocialPost draft(String id, Network network, String language, String text, Instant bulletinAt, String by,
                            Instant at) {
        SocialPost post = new SocialPost(id, 1, network, language, text, PostState.DRAFT, bulletinAt, by, at, null,
                null, null, null);
        checkText(post, text);
        return post;
    }

    public SocialPost edit(SocialPost current, long version, String text, String by, Instant at) {
        checkStep(current, version, "edited");
        String t = text == null ? null : text.strip();
        checkText(current, t);
        return new SocialPost(current.id(), current.version() + 1, current.network(), current.language(), t,
                PostState.DRAFT, current.bulletinAt(), current.draftedBy(), current.draftedAt(), by, at, null, null);
    }

    public SocialPost approve(SocialPost current, long version, boolean providerConfigured, String by, Instant at) {
        checkStep(current, version, "approved");
        if (by.equals(current.editedBy())) {
            throw new PostRefused(Reason.NOT_ALLOWED, "user", by + " wrote this text and cannot approve it too: "
                    + "another operator or administrator approves", current);
        }
        if (!providerConfigured) {
            throw new PostRefused(Reason.NOT_ALLOWED, "network", "no provider is configured for "
                    + current.network().wire() + ": the post stays a draft", current);
        }
        return new SocialPost(current.id(), current.version() + 1, current.network(), current.language(),
                current.text(), PostState.APPROVED, current.bulletinAt(), current.draftedBy(), current.draftedAt(),
                current.editedBy(), current.editedAt(), by, at);
    }

    private static void checkStep(SocialPost current, long version, String step) {
        if (version != current.version()) {
            throw new PostRefused(Reason.STALE, "version", "post " + current.id() + " is at version "
                    + current.version() + ", not " + version + ": reload it", current);
        }
        if (current.state() != PostState.DRAFT) {
            throw new PostRefused(Reason.NOT_ALLOWED, "state", "post " + current.id() + " is "
                    + current.state().wire() + ": only a draft can be " + step, current);
        }
    }

    private void checkText(SocialPost post, String text) {
        if (text == null || text.isBlank()) {
            throw new PostRefused(Reason.INVALID, "text", "text must not be empty", post);
        }
        int length = PostLength.count(post.network(), text);
        int limit = limits.of(post.network());
        if (length > limit) {
            throw new PostRefused(Reason.INVALID, "text", "text is " + length + " characters as "
                    + post.network().wire() + " counts them; at most " + limit, post);
        }
    }
}
