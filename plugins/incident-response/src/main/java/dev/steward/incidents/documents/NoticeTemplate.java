package dev.steward.incidents.documents;

import dev.steward.incidents.obligations.NotificationRule.RecipientKind;

/** An editable notice template; {@code {{placeholders}}} are listed in {@link NoticeText#PLACEHOLDERS}. */
public record NoticeTemplate(Long id, RecipientKind recipientKind, String name, String body, int version) {
}
