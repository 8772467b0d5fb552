"""What an import says about what it wrote: where entries came from, what was guessed.

``comments`` go above a table of the written catalogue (``# page.html, table 2,
row 3``); ``reviews`` at the end of a key's line (``# review: guessed …``);
``guesses`` and ``remarks`` into the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]


@dataclass
class Notes:
    comments: dict[Path, list[str]] = field(default_factory=dict)
    reviews: dict[Path, dict[str, str]] = field(default_factory=dict)
    guesses: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)

    def comment(self, path: Path, text: str) -> None:
        self.comments.setdefault(path, []).append(text)

    def review(self, path: Path, key: str, text: str) -> None:
        self.reviews.setdefault(path, {})[key] = text

    def guess(self, text: str) -> None:
        self.guesses.append(text)

    def remark(self, text: str) -> None:
        if text not in self.remarks:
            self.remarks.append(text)

    def review_count(self) -> int:
        return sum(len(keys) for keys in self.reviews.values())
