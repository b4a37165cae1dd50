"""Problems found in entries, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.model import messages


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    code: str
    params: tuple = field(default=(), compare=False)

    @classmethod
    def at(cls, path: str, line: int, code: str, **params) -> "Problem":
        return cls(path, line, code, tuple(sorted(params.items())))

    def message(self, lang: str = "en") -> str:
        return messages.render(self.code, dict(self.params), lang)

    def format(self, lang: str = "en") -> str:
        return f"{self.path}:{self.line}: {self.message(lang)}"


class InvalidCatalogue(Exception):
    """Raised when entries break the rules; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the entries")

    def report(self, lang: str = "en") -> str:
        lines = [problem.format(lang) for problem in self.problems]
        lines.append(messages.render("summary", {"count": len(self.problems)}, lang))
        return "\n".join(lines)


class ToolError(Exception):
    """Bad input to a contributor tool: a message code, put into words in any language."""

    def __init__(self, code: str, book: str = "tools", **params):
        super().__init__(code)
        self.code, self.book, self.params = code, book, params

    def message(self, lang: str = "en") -> str:
        return messages.render(self.code, self.params, lang, self.book)
