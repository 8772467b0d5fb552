"""Merge new plain data into a parsed tomlkit tree, node by node.

Only keys whose values differ are touched: a changed value is replaced in
place (keeping its comment, indentation and quoting style), a removed key is
dropped, a new key is placed after the key that precedes it in the model's
order, spelled like that neighbour. Sub-tables are merged recursively; inline
tables are rewritten whole in their own style.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import tomlkit
from tomlkit.container import Container, OutOfOrderTableProxy
from tomlkit.items import (
    AoT,
    Array,
    Comment,
    InlineTable,
    Item,
    Key,
    Null,
    SingleKey,
    String,
    StringType,
    Table,
    Whitespace,
)

from consent_tui.core.store.patch_data import same
from consent_tui.core.store.patch_emit import Style, emit_value, format_key, literal_ok


class Unmergeable(Exception):
    """The tree has a shape this merge does not edit safely."""


def merge(
    container: Container | list[Container],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    style: Style,
    *,
    headed: bool = True,
) -> None:
    """Turn ``container`` (holding ``old``) into one holding ``new``.

    A table written in several places (out-of-order parts, dotted keys) is
    passed as the list of its parts; each key is edited where it stands.
    ``headed`` is false inside a table written without a ``[header]`` (dotted
    keys, an inline table): a new array of tables there is written inline,
    since ``[[…]]`` headers cannot follow it.
    """
    parts = container if isinstance(container, list) else [container]
    for key in old:
        if key not in new:
            for part in parts:
                if key in part:
                    _remove_key(part, key)
    order = list(new)
    for key, value in new.items():
        if key not in old:
            _add(_home(parts, key, order), key, value, order, style, headed=headed)
            continue
        before = old[key]
        if same(before, value):
            continue
        holders = [part for part in parts if key in part]
        items = [part.item(key) for part in holders]
        if isinstance(value, Mapping) and isinstance(before, Mapping):
            inner = [c for item in items for c in _parts(item)]
            if inner and len(inner) >= len(items):
                spelled = [_key_of(part, key) for part in holders]
                with_header = headed and not any(k.is_dotted() for k in spelled)
                with_header = with_header and not any(isinstance(i, InlineTable) for i in items)
                merge(inner, before, value, style.child(key), headed=with_header)
                continue
        if len(items) != 1 or not isinstance(items[0], Item):
            raise Unmergeable(f"{key} is defined in several places")
        item = items[0]
        if (
            isinstance(item, AoT)
            and isinstance(value, list)
            and isinstance(before, list)
            and len(before) == len(item.body)
            and len(value) >= len(before) > 0
            and all(isinstance(v, Mapping) for v in value)
        ):
            for table, was, now in zip(item.body, before, value[: len(before)], strict=True):
                merge(table.value, was, now, style.child(key))
            for now in value[len(before) :]:  # appended tables: written like the last one
                _append_table(item, now, style.child(key))
        elif not (
            isinstance(item, Array)
            and isinstance(value, list)
            and isinstance(before, list)
            and merge_array(item, before, value, style)
        ):
            holders[0][key] = make_item(value, item, style, before)


def merge_array(array: Array, old: list[Any], new: list[Any], style: Style) -> bool:
    """Edit ``array`` (holding ``old``) to hold ``new``, leaving unchanged elements alone.

    Elements are lined up by their common start and end; those in between are
    edited in place (an inline table keeps its unchanged entries' spelling) and,
    in an array written on several lines, removed or inserted where they stand,
    so comments on the other elements stay. ``False`` when the array should be
    rewritten whole instead (a one-line array changing length, or emptied).
    """
    if len(array) != len(old) or not new:
        return False  # emptied: written ``[]``
    start = 0
    while start < min(len(old), len(new)) and same(old[start], new[start]):
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and same(old[-1 - end], new[-1 - end]):
        end += 1
    gone, came = old[start : len(old) - end], new[start : len(new) - end]
    if len(gone) != len(came) and "\n" not in array.as_string():
        return False
    for offset, (was, now) in enumerate(zip(gone, came, strict=False)):
        at = start + offset
        array[at] = make_item(now, array[at], style, was)
    for _ in range(len(gone) - len(came)):
        _remove(array, start + len(came))
    for offset, now in enumerate(came[len(gone) :]):
        at = start + len(gone) + offset
        neighbour = array[at - 1] if at else (array[0] if len(array) else None)
        _insert(array, at, make_item(now, neighbour, style))
    return True


def _lead(array: Array, group: int) -> list[Any]:
    """The comment lines directly above group ``group`` of ``array`` (no blank line between)."""
    groups = array._value
    lead = []
    while group > 0:
        above, indent = groups[group - 1], groups[group].indent
        if not isinstance(above.value, Null) or above.comment is None:
            break
        if indent is not None and indent.s.count("\n") > 1:
            break
        lead.append(above)
        group -= 1
    return lead


def _remove(array: Array, index: int) -> None:
    """Remove element ``index`` with its trailing comment and the comment lines above it."""
    group = array._index_map[index]
    lead = _lead(array, group)
    first = group - len(lead) == 0
    del array[index]
    if lead:
        array._value[:] = [g for g in array._value if not any(g is x for x in lead)]
        array._reindex()
    after = array._value[0] if first and array._value else None
    if after is not None and after.indent is not None and after.indent.s.count("\n") > 1:
        text = after.indent.s  # the first line left: no blank line above it
        after.indent = Whitespace(text[text.rfind("\n", 0, text.rfind("\n")) + 1 :])


def _insert(array: Array, index: int, item: Item) -> None:
    """Insert ``item`` at ``index``, above the comment lines that belong to the next element."""
    lead = _lead(array, array._index_map[index]) if index < len(array) else []
    array.insert(index, item)
    if lead:
        groups = array._value
        new = groups.pop(array._index_map[index])
        top = next(i for i, g in enumerate(groups) if g is lead[-1])
        new.indent, groups[top].indent = groups[top].indent, new.indent
        groups.insert(top, new)
        array._reindex()


def _remove_key(container: Container, key: str) -> None:
    """Remove ``key``; the comment lines ending a removed table stay where they were.

    tomlkit keeps the comments directly above a header at the end of the table
    before it; they belong to the next table, and go with it, not with this one.
    """
    index = container._map.get(SingleKey(key))
    last = max(index) if isinstance(index, tuple) else index
    lead = _lead_of_next(container._body[last][1]) if last is not None else ""
    container.remove(key)
    if lead and last is not None:
        container._body[last] = (None, Whitespace(lead))


def _lead_of_next(item: object) -> str:
    """The comment lines that end ``item`` (a table, or array of tables), as text."""
    while isinstance(item, AoT) and item.body:
        item = item.body[-1]
    if not isinstance(item, Table):
        return ""
    body = item.value.body
    if body and isinstance(body[-1][1], Table | AoT):
        return _lead_of_next(body[-1][1])
    lines: list[str] = []
    for _, entry in reversed(body):
        if not isinstance(entry, Comment):
            break
        lines.append(entry.as_string())
    return "".join(reversed(lines))


def _parts(item: object) -> list[Container]:
    """The containers holding a table's keys (none for a value that is not a table)."""
    if isinstance(item, OutOfOrderTableProxy):
        return [table.value for table in item._tables]
    if isinstance(item, Table):
        return [item.value]
    return []


def _home(parts: list[Container], key: str, order: list[str]) -> Container:
    """The part where a new key goes: beside its predecessor, else with plain values."""
    position = order.index(key)
    for prev in reversed(order[:position]):
        for part in parts:
            if _plain(part, prev):
                return part
    for part in parts:
        if any(_plain(part, k) for k in part):
            return part
    for part in parts:  # a part with a header of its own, holding dotted keys
        if any(k is not None and k.is_dotted() for k, _item in part.body):
            return part
    return parts[0]


def make_item(value: Any, like: Item | None, style: Style, before: Any = None) -> Item:
    """A tomlkit item for ``value``, written like ``like`` (which held ``before``)."""
    if isinstance(value, str) and isinstance(like, String):
        return _string(value, like)
    if isinstance(value, Mapping) and isinstance(like, InlineTable):
        if isinstance(before, Mapping):
            return tomlkit.value(_inline_text(like, before, value, style))
        style = _inline_style(like.as_string(), style)
    if isinstance(value, list) and value and isinstance(like, Array) and "\n" in like.as_string():
        return tomlkit.value(_multiline_array(value, like.as_string(), style))
    if isinstance(like, Array) and not len(like) and _tables(value):
        return tomlkit.value(_multiline_array(value, "[\n    \n]", style))  # one table a line
    return tomlkit.value(emit_value(value, style))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _string(value: str, like: String) -> String:
    """``value`` in ``like``'s quoting, or the nearest quoting that can hold it."""
    kind = like.type
    if kind is StringType.SLL and not literal_ok(value):
        kind = StringType.SLB
    elif kind is StringType.MLL and ("'''" in value or _CONTROL.search(value) or "\r" in value):
        kind = StringType.MLB
    made = String.from_raw(value, kind)
    opened = like.as_string()[3:4] == "\n"  # a line break right after the opening quotes
    if kind.is_multiline() and opened and not made._original.startswith("\n"):
        made = String(kind, value, "\n" + made._original, made.trivia)
    return made


_INLINE = re.compile(
    r"\{([ \t]*)[^=]*?([ \t]*=[ \t]*)(?:\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^,}]*)(,[ \t]*)?"
)


def _inline_style(text: str, style: Style) -> Style:
    match = _INLINE.match(text)
    if match is None:
        return replace(style, inline_pad=text.startswith("{ ") or style.inline_pad)
    comma = match.group(3) or style.inline_comma
    return replace(
        style, inline_pad=bool(match.group(1)), inline_sep=match.group(2), inline_comma=comma
    )


def _inline_text(
    like: InlineTable, old: Mapping[str, Any], new: Mapping[str, Any], style: Style
) -> str:
    """An inline table's new text: unchanged entries keep their own spelling."""
    text = like.as_string()
    style = _inline_style(text, style)
    raws = {k.key: (k, v) for k, v in like.value.body if k is not None}
    strings = [v.as_string() for _, v in raws.values() if isinstance(v, String)]
    literal = bool(strings) and all(raw.startswith("'") for raw in strings)
    style = replace(style, literal=literal)
    parts = []
    for key, value in new.items():
        found = raws.get(key)
        if found is not None and key in old and same(old[key], value):
            parts.append(found[0].as_string().strip() + style.inline_sep + found[1].as_string())
        else:
            parts.append(format_key(key) + style.inline_sep + emit_value(value, style))
    if not parts:
        return "{}"
    inner = style.inline_comma.join(parts)
    return f"{{ {inner} }}" if style.inline_pad else f"{{{inner}}}"


def _tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _multiline_array(value: list[Any], like: str, style: Style) -> str:
    lines = like.split("\n")
    indent = re.match(r"[ \t]*", lines[1]).group() if len(lines) > 1 else "  "  # type: ignore[union-attr]
    closing = re.match(r"[ \t]*", lines[-1]).group()  # type: ignore[union-attr]
    body = "".join(f"{indent}{emit_value(v, style)},\n" for v in value)
    return f"[\n{body}{closing}]"


def _plain(container: Container, key: str) -> bool:
    if key not in container:
        return False
    item = container.item(key)
    return isinstance(item, Item) and not isinstance(item, Table | AoT)


def _in_body(container: Container, key: str) -> bool:
    """``key`` is written in ``container``'s own lines: a plain value or dotted keys."""
    if _plain(container, key):
        return True
    found = next((k for k in container._map if k == key), None)
    return found is not None and found.is_dotted()


def _key_of(container: Container, key: str) -> Key:
    return next(k for k in container._map if k == key)


def new_table(value: Mapping[str, Any], like: Table | None, style: Style) -> Table:
    """A table of an array of tables, its values spelled like ``like``'s."""
    table = tomlkit.table()
    for key, item in value.items():
        model = like.value.item(key) if like is not None and key in like.value else None
        spelled = model if isinstance(model, Item) else None
        table.raw_append(item_key(key, None, style), make_item(item, spelled, style))
    return table


def _gap(table: Table) -> str | None:
    """The blank lines that end ``table`` (before the next table), if any."""
    body = table.value.body
    if body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        return body[-1][1].as_string()
    return None


def _append_table(tables: AoT, value: Mapping[str, Any], style: Style) -> None:
    """A table added at the end of ``tables``, after as many blank lines as between the others."""
    last = tables.body[-1]
    end = _gap(last)  # what separates the array from what follows: the new table's now
    between = _gap(tables.body[-2]) if len(tables.body) > 1 else None
    between = between or end or "\n" * max(style.blank, 1)
    if end is not None:
        last.value.body.pop()  # a blank line holds no key: no index to update
    last.raw_append(None, Whitespace(between))
    table = new_table(value, last, style)
    if end is not None:
        table.raw_append(None, Whitespace(end))
    tables.append(table)


def _add(
    container: Container,
    key: str,
    value: Any,
    order: list[str],
    style: Style,
    *,
    headed: bool = True,
) -> None:
    if headed and _tables(value):  # a new array of tables: [[…]] tables, not one inline array
        tables = tomlkit.aot()
        for now in value:
            tables.append(new_table(now, None, style.child(key)))
        container.append(item_key(key, None, style), tables)
        return
    item = make_item(value, None, style)
    position = order.index(key)
    for prev in reversed(order[:position]):
        if _plain(container, prev):
            ref = _key_of(container, prev)
            _place(container, item, ref)
            container._insert_after(prev, item_key(key, ref, style), item)
            return
    for nxt in order[position + 1 :]:
        if _in_body(container, nxt) and not isinstance(item, AoT | Table):
            ref = _key_of(container, nxt)
            _place(container, item, ref)
            index = container._map[ref]
            at = min(index) if isinstance(index, tuple) else index
            while at > 0 and isinstance(container._body[at - 1][1], Whitespace | Null):
                at -= 1  # right after what precedes: blank lines stay before ``nxt``
            spelled = item_key(key, None if ref.is_dotted() else ref, style)
            container._insert_at(at, spelled, item)
            return
    container.append(item_key(key, None, style), item)


def _place(container: Container, item: Item, ref: Key) -> None:
    neighbour = container.item(ref)
    if isinstance(neighbour, Item) and not isinstance(item, AoT):
        item.trivia.indent = neighbour.trivia.indent


def item_key(key: str, ref: Key | None, style: Style) -> SingleKey:
    """A key spelled like ``ref`` (its `` = ``), or aligned as the style says."""
    name = format_key(key)
    sep = style.sep
    if ref is not None:
        raw = ref.as_string()
        sep = raw[len(raw.rstrip()) :] + ref.sep
    if style.align is not None:
        pad = style.align - len(style.indent) - len(name)
        sep = " " * max(pad, 1) + "= "
    return SingleKey(key, sep=sep)
