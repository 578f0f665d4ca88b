"""The topic settings form: the rows are checked together, as the build will see them."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm

from site_builder.model import TopicOverrides


class TopicSettingsForm(WagtailAdminModelForm):
    """Refuses overrides the build would refuse (a pin on no page, a merge in a circle, ...).

    A merge or rename of a slug no topic has is accepted: topics come from
    clustering, so only the build can tell, and it says so in its summary.
    """

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        from topics.models import SOURCE
        from topics.pages import item_id
        from topics.validation import override_messages

        overrides = TopicOverrides(
            rename=dict(self._rows("renames", "slug", "label")),
            merge=dict(self._rows("merges", "slug", "into")),
            pin={item_id(page): topic for page, topic in self._rows("pins", "page", "topic")},
            source=SOURCE,
        )
        for message in override_messages(overrides):
            self.add_error(None, message)
        return not self.errors

    def _rows(self, name: str, key: str, value: str) -> list[tuple[Any, Any]]:
        """The rows an editor kept, in the order they put them."""
        forms = [
            form
            for form in self.formsets[name].forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        forms.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        return [(form.cleaned_data[key], form.cleaned_data[value]) for form in forms]
