"""A Dhrystone-style synthetic mix: records, enumerations, strings, arrays and procedure calls.

Like Dhrystone (and pystone, its Python port) this is not an algorithm but a blend of what
everyday code does, in fixed proportions per round: a chain of records is read, copied and
relinked; small integer constants stand for an enumeration and go through if/elif chains; fixed
30-character strings are compared, and single characters picked out and compared; a 1-D and a 2-D
list are indexed and updated; and about a dozen short procedures are called, some with globals.
The design, names and proportions are wasmbench's own: a parcel depot, where each round weighs a
parcel, gives it a signal colour and a label, routes it and shelves it.

Each run starts from the same state, and the final state is folded into a checksum compared with
a constant (taken from CPython 3.11; it agrees on CPython 3.9-3.13, PyPy and MicroPython).
Everything is integers and strings, so the checksum is exact.
"""

import pyperf

ROUNDS = 40000
WANT_CHECKSUM = 368594040465

# Signal colours: an enumeration.
RED, AMBER, GREEN, BLUE, VIOLET = 0, 1, 2, 3, 4
COLOURS = 5

# Fixed-length labels, as Dhrystone's strings: they differ only near the end.
LABEL_HOME = "DEPOT PARCEL, 1ST SORTED LABEL"
LABEL_AWAY = "DEPOT PARCEL, 2ND SORTED LABEL"
LABEL_HOLD = "DEPOT PARCEL, 3RD SORTED LABEL"
SHELVES = 40

# Depot-wide state, reset at the start of every run.
tally = 0
busy = False
mark = "A"
shelf = [0] * SHELVES
rack = [[0] * SHELVES for _ in range(SHELVES)]


class Parcel:
    """A record: a link to the next parcel and four fields of different kinds."""

    def __init__(self, link, colour, weight, label):
        self.link = link
        self.colour = colour
        self.weight = weight
        self.route = 0
        self.label = label

    def take_fields(self, other):
        """Record assignment: copy every field of `other`."""
        self.link = other.link
        self.colour = other.colour
        self.weight = other.weight
        self.route = other.route
        self.label = other.label


def reset_depot():
    global tally, busy, mark
    tally = 0
    busy = False
    mark = "A"
    for slot in range(SHELVES):
        shelf[slot] = 0
        row = rack[slot]
        for column in range(SHELVES):
            row[column] = 0


def colour_for(weight):
    """An enumeration chosen by an if/elif chain."""
    if weight < 10:
        return RED
    elif weight < 20:
        return AMBER
    elif weight < 40:
        return GREEN
    elif weight < 70:
        return BLUE
    return VIOLET


def following(colour):
    """The next colour round the enumeration."""
    if colour == VIOLET:
        return RED
    return colour + 1


def is_express(colour, letter):
    """A two-way test on an enumeration and a character."""
    if colour == GREEN or colour == BLUE:
        return letter >= "M"
    return letter == "A"


def labels_match(first, second):
    """Compares two labels the slow way round, as fixed-length strings are compared in C."""
    global mark
    if first == second:
        return True
    index = 0
    while index < len(first) and first[index] == second[index]:
        index += 1
    mark = first[index] if first[index] > second[index] else second[index]
    return False


def route_through(start, stop):
    """Integer work in a counted loop; returns a route number below 97."""
    route = start
    step = start
    while step < stop:
        route = (route * 3 + step) % 97
        step += 1
    return route


def weigh(parcel, extra):
    """Adds to a parcel's weight and folds it into the depot's tally."""
    global tally
    parcel.weight = (parcel.weight + extra) % 90
    tally = (tally + parcel.weight * 7) % 1000003
    return parcel.weight


def shelve(slot, value):
    """1-D and 2-D array updates around `slot`."""
    shelf[slot] = value
    shelf[(slot + 1) % SHELVES] = shelf[slot] + 3
    row = rack[slot]
    row[slot] += 1
    row[(slot + 7) % SHELVES] = value
    rack[(slot + 11) % SHELVES][slot] = row[slot] + value


def relink(head, spare, round_number):
    """Copies the head record into the spare, then swaps their roles in the chain."""
    spare.take_fields(head)
    spare.weight = (spare.weight + round_number) % 90
    if spare.link is None:
        spare.link = head
    else:
        head.link, spare.link = spare, head.link
    return spare


def run_rounds(rounds):
    global busy
    reset_depot()
    tail = Parcel(None, RED, 5, LABEL_HOLD)
    head = Parcel(tail, AMBER, 12, LABEL_HOME)
    spare = Parcel(None, RED, 0, LABEL_HOLD)
    for number in range(1, rounds + 1):
        other = LABEL_AWAY if number % 3 else LABEL_HOLD
        busy = not labels_match(LABEL_HOME, other)
        start = number % 7
        route = route_through(start, start + 5)
        weight = weigh(head, route + (1 if busy else 2))
        colour = colour_for(weight)
        letter = other[(number * 7) % len(other)]
        head.colour = following(colour) if is_express(colour, letter) else colour
        head.route = route
        head.label = other if head.colour >= GREEN else LABEL_HOME
        shelve((number + route) % SHELVES, weight + head.colour)
        chained = relink(head, spare, number)
        head, spare = chained, head
        spare.link = None
    return head


def checksum(head):
    total = tally
    parcel = head
    hops = 0
    while parcel is not None and hops < 8:
        total = total * 31 + parcel.weight * 5 + parcel.colour + parcel.route + ord(parcel.label[-7])
        parcel = parcel.link
        hops += 1
    for slot in range(SHELVES):
        total = (total * 17 + shelf[slot] + rack[slot][slot] + rack[slot][(slot + 7) % SHELVES]) % 4294967291
    return (total * 2 + (1 if busy else 0)) * 131 + ord(mark)


def bench_pystone_like(rounds):
    got = checksum(run_rounds(rounds))
    if got != WANT_CHECKSUM:
        raise ValueError("checksum %d, want %d" % (got, WANT_CHECKSUM))


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Dhrystone-style mix of records, strings, arrays and calls"
    runner.bench_func("pystone_like", bench_pystone_like, ROUNDS)
