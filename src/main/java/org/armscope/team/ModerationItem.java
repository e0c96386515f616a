package org.armscope.team;

import java.util.Map;

/** A comment in the moderation queue: how many complained and how often each reason was given. */
public record ModerationItem(Comment comment, int complaints, Map<String, Integer> reasons, int open) {
}
