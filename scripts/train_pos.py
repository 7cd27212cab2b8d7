#!/usr/bin/env python3
"""Trains the part-of-speech tagger and lemma table embedded as assets/pos/model.bin.gz.

Standard-library Python only. Input: Universal Dependencies English EWT (CC BY-SA 4.0), the three
`en_ewt-ud-{train,dev,test}.conllu` files in one folder, kept outside the repository.

    scripts/train_pos.py /work/ud                      # train, report dev/test, write the model
    scripts/train_pos.py /work/ud --out /tmp/m.bin.gz  # elsewhere

The tagger is a greedy averaged perceptron over UPOS (17 tags) trained on EWT train, eight passes,
twice over: once in itinera's tokens and once in UD's own words (`--ours-only` drops the latter). In
itinera's tokens each sentence's text is rebuilt from the UD words and cut with a port of
`itinera::text::tokenize`, and every token takes a tag from the words it covers (see `project`), so
"Putin's", "don't" and "well-known" are one token each, as in the app. Accuracy is reported on EWT
dev and test both ways. Averaged weights under `--min-weight` are dropped, the rest scaled by
`--scale` and rounded to i16.

Features of token i (the word is normalised by `norm`: a possessive "'s" cut, lower-cased, ’ as ',
numbers as "!year"/"!num"; boundary words are "-s1-", "-s2-" before and "-e1-", "-e2-" after):
    word at i-2, i-1, i, i+1, i+2          class W, sub = offset + 2
    last three chars of word at i-1, i, i+1 class S3, sub = offset + 1
    last two chars, last char, first char   classes S2, S1, P1
    previous tag with the word              class TW, sub = previous tag
    bias; shape (case class + 8 hyphen + 16 sentence-initial); previous tag (17 = start);
    previous two tags; shape of the next and of the previous word (without the sentence-initial
    16, 0 for a boundary word): dense blocks
A word seen 20 times or more with one tag 97% of the time is tagged from a table (class FIX), with
no scoring. A score is a sum of i16 weights, one row per feature; the tag is the highest score, the
lowest tag on a tie. The Rust reader sums in i16, so the script checks that no sum can overflow.

Model file (gzip, every integer little-endian; the Rust reader is src/text/pos.rs):
    b"ITPOS\\x01"
    17 x i16 bias, 32 x 17 x i16 shape, 18 x 17 x i16 previous tag, 18 x 18 x 17 x i16 previous
        two tags (index previous-but-one x 18 + previous), 16 x 17 x i16 next word's shape,
        16 x 17 x i16 previous word's shape
    u32 n, then n entries: u8 class, u8 sub, u8 length, the string's UTF-8 bytes; sorted by
        (class, string, sub)
    then, for every entry whose class is not FIX, in the same order, its 17 weights: u32 mask of
        the tags with a non-zero weight, then those weights as i16 in tag order
    u32 m, then m lemma exceptions: u8 upos, u8 length, form, u8 length, lemma; sorted by
        (form, upos)
Classes: 0 W, 1 S3, 2 S2, 3 S1, 4 P1, 5 TW, 6 FIX (sub = the tag). Tags in `TAGS` order.

Lemmas: `lemma_rule` (mirrored by `pos::lemma` in Rust) inflects back NOUN, VERB and AUX forms by
regular suffix rules; the table keeps the (form, upos) pairs of EWT train and dev, and of a short
hand list of irregular verbs, whose lemma the rules get wrong.

The output depends only on the input files and the options: same input, same bytes.
"""
import argparse
import gzip
import io
import random
import struct
import sys
import time
import unicodedata
from collections import Counter, defaultdict

TAGS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
NTAGS = len(TAGS)
START = NTAGS  # the previous tag before a sentence's first token
NOUN, VERB, AUX = TAG_INDEX["NOUN"], TAG_INDEX["VERB"], TAG_INDEX["AUX"]

W, S3, S2, S1, P1, TW, FIX = range(7)
# dense feature blocks, as (class, sub) keys during training
BIAS, SHAPE, T1, T2, NEXT_SHAPE, PREV_SHAPE = 10, 11, 12, 13, 14, 15
BOUNDARY_BEFORE = ("-s2-", "-s1-")
BOUNDARY_AFTER = ("-e1-", "-e2-")
MAX_STRING = 255


# --- reading UD ---------------------------------------------------------------------------------

class Sentence:
    __slots__ = ("words", "tags", "lemmas", "text", "spans")


def read_conllu(path):
    """Sentences of a CoNLL-U file: UD words, tags and lemmas, the text rebuilt from the surface
    tokens, and each word's character span in it (a contraction's parts share the whole span when
    their forms do not spell it)."""
    out = []
    words, mwts = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    out.append(build_sentence(words, mwts))
                words, mwts = [], {}
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            ident = cols[0]
            if "." in ident:
                continue
            space = "SpaceAfter=No" not in cols[9]
            if "-" in ident:
                a, b = ident.split("-")
                mwts[int(a)] = (int(b), cols[1], space)
                continue
            words.append((cols[1], cols[3], cols[2], space))
    if words:
        out.append(build_sentence(words, mwts))
    return out


def build_sentence(words, mwts):
    s = Sentence()
    s.words = [w[0] for w in words]
    s.tags = [TAG_INDEX[w[1]] for w in words]
    s.lemmas = [w[2] for w in words]
    text = []
    length = 0
    spans = [None] * len(words)
    i = 0
    while i < len(words):
        if i + 1 in mwts:
            end, form, space = mwts[i + 1]
            parts = words[i:end]
            if "".join(p[0] for p in parts) == form:
                at = length
                for k, p in enumerate(parts):
                    spans[i + k] = (at, at + len(p[0]))
                    at += len(p[0])
            else:
                for k in range(len(parts)):
                    spans[i + k] = (length, length + len(form))
            text.append(form)
            length += len(form)
            i = end
        else:
            form, _, _, space = words[i]
            spans[i] = (length, length + len(form))
            text.append(form)
            length += len(form)
            i += 1
        if space:
            text.append(" ")
            length += 1
    s.text = "".join(text)
    s.spans = spans
    return s


# --- itinera's tokenizer (src/text/mod.rs, `tokenize_by_chars`) ------------------------------------

def is_word_char(c):
    return c.isalnum() or c == "\u00ad"


def tokenize(text):
    """Character spans of itinera's tokens."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if not is_word_char(c):
            out.append((i, i + 1))
            i += 1
            continue
        numeric = "0" <= c <= "9"
        j = i + 1
        while j < n:
            ch = text[j]
            if is_word_char(ch):
                j += 1
                continue
            joins = ch in ",.:/" if numeric else ch in "'’-‐.·"
            if not joins or j + 1 >= n:
                break
            a = text[j + 1]
            if (numeric and "0" <= a <= "9") or (not numeric and a.isalpha()):
                j += 1
            else:
                break
        out.append((i, j))
        i = j
    return out


def project(s):
    """itinera's tokens of a sentence with a gold tag each: a token inside one UD word takes its tag
    (PUNCT or SYM for a piece of it with no letter or digit: "." of "U.S.", "$" of "$5"); a token over several takes the
    last of them that is no PUNCT, no PART and does not start with an apostrophe ("Putin's" PROPN,
    "don't" AUX, "well-known" from "known")."""
    tokens, tags = [], []
    for a, b in tokenize(s.text):
        piece = s.text[a:b]
        over = [k for k, (x, y) in enumerate(s.spans) if x < b and a < y]
        if not over:
            continue
        if len(over) == 1:
            k = over[0]
            tag = s.tags[k]
            if (a, b) != s.spans[k] and not any(is_word_char(c) for c in piece):
                symbol = unicodedata.category(piece[0]).startswith("S")
                tag = TAG_INDEX["SYM" if symbol else "PUNCT"]
        else:
            good = [k for k in over if s.tags[k] not in (TAG_INDEX["PUNCT"], TAG_INDEX["PART"])
                    and not s.words[k].startswith(("'", "’"))]
            if not good:
                good = [k for k in over if s.tags[k] != TAG_INDEX["PUNCT"]] or over
            tag = s.tags[good[-1]]
        tokens.append(piece)
        tags.append(tag)
    return tokens, tags


# --- features -----------------------------------------------------------------------------------

def strip_possessive(word):
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    return word


def norm(word):
    """The word as the word features see it."""
    w = strip_possessive(word)
    if w and "0" <= w[0] <= "9" and all(("0" <= c <= "9") or c in ",.:/" for c in w):
        return "!year" if len(w) == 4 and w.isdigit() else "!num"
    return w.lower().replace("’", "'")


def shape(word, first):
    w = strip_possessive(word)
    letters = [c for c in w if c.isalpha()]
    digits = any("0" <= c <= "9" for c in w)
    if not letters:
        cls = 1 if digits else 0
    elif digits:
        cls = 2
    else:
        uppers = sum(1 for c in letters if c.isupper())
        if uppers == 0:
            cls = 3
        elif letters[0].isupper() and uppers < len(letters):
            cls = 4
        elif uppers == len(letters):
            cls = 5 if len(letters) > 1 else 6
        else:
            cls = 7
    return cls + (8 if "-" in w else 0) + (16 if first else 0)


class Tok:
    """What the features read of a token, worked out once."""
    __slots__ = ("w", "s3", "s2", "s1", "p1", "shape")

    def __init__(self, word, first):
        w = norm(word)
        self.w = w
        self.s3 = w[-3:]
        self.s2 = w[-2:]
        self.s1 = w[-1:]
        self.p1 = w[:1]
        self.shape = shape(word, first)


def boundary(word):
    t = Tok.__new__(Tok)
    t.w, t.s3, t.s2, t.s1, t.p1, t.shape = word, word[-3:], word[-2:], word[-1:], word[:1], 0
    return t


BEFORE = [boundary(w) for w in BOUNDARY_BEFORE]
AFTER = [boundary(w) for w in BOUNDARY_AFTER]


def context(words):
    toks = [Tok(w, i == 0) for i, w in enumerate(words)]
    return BEFORE + toks + AFTER


def features(ctx, i, p1, p2):
    """Feature keys of the token at ctx[i] (two boundary tokens on either side)."""
    t = ctx[i]
    return (
        (W, 2, t.w), (W, 1, ctx[i - 1].w), (W, 3, ctx[i + 1].w), (W, 0, ctx[i - 2].w),
        (W, 4, ctx[i + 2].w),
        (S3, 1, t.s3), (S3, 0, ctx[i - 1].s3), (S3, 2, ctx[i + 1].s3),
        (S2, 0, t.s2), (S1, 0, t.s1), (P1, 0, t.p1),
        (TW, p1, t.w),
        (BIAS, 0, ""), (SHAPE, t.shape, ""), (T1, p1, ""), (T2, p2 * (NTAGS + 1) + p1, ""),
        (NEXT_SHAPE, ctx[i + 1].shape & 15, ""), (PREV_SHAPE, ctx[i - 1].shape & 15, ""),
    )


# --- the averaged perceptron ----------------------------------------------------------------------

class Perceptron:
    def __init__(self):
        self.weights = {}
        self.totals = defaultdict(float)
        self.stamps = defaultdict(int)
        self.instances = 0

    def predict(self, feats):
        scores = [0.0] * NTAGS
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for tag, w in row.items():
                    scores[tag] += w
        return max(range(NTAGS), key=lambda t: (scores[t], -t))

    def update(self, truth, guess, feats):
        self.instances += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights.setdefault(f, {})
            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, tag)
                w = row.get(tag, 0.0)
                self.totals[key] += (self.instances - self.stamps[key]) * w
                self.stamps[key] = self.instances
                row[tag] = w + delta

    def averaged(self):
        out = {}
        for f, row in self.weights.items():
            avg = {}
            for tag, w in row.items():
                key = (f, tag)
                total = self.totals[key] + (self.instances - self.stamps[key]) * w
                value = total / self.instances
                if value:
                    avg[tag] = value
            if avg:
                out[f] = avg
        return out


def make_tagdict(sentences):
    counts = defaultdict(Counter)
    for words, tags in sentences:
        for word, tag in zip(words, tags):
            counts[norm(word)][tag] += 1
    fixed = {}
    for w, c in counts.items():
        tag, n = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        total = sum(c.values())
        if total >= 20 and n / total >= 0.97 and len(w.encode("utf-8")) <= MAX_STRING:
            fixed[w] = tag
    return fixed


def train(sentences, iterations, seed):
    tagdict = make_tagdict(sentences)
    model = Perceptron()
    order = list(sentences)
    rng = random.Random(seed)
    for it in range(iterations):
        started = time.time()
        right = total = 0
        for words, tags in order:
            ctx = context(words)
            p1 = p2 = START
            for i, truth in enumerate(tags):
                guess = tagdict.get(ctx[i + 2].w)
                if guess is None:
                    feats = features(ctx, i + 2, p1, p2)
                    guess = model.predict(feats)
                    model.update(truth, guess, feats)
                right += guess == truth
                total += 1
                p2, p1 = p1, guess
        rng.shuffle(order)
        print(f"  iteration {it + 1}: {right / total:.4f} on train ({time.time() - started:.0f} s)",
              file=sys.stderr)
    return model.averaged(), tagdict


# --- the integer model, as the Rust reader scores it ----------------------------------------------

class Quantized:
    """Weights rounded to i16 after scaling, with those under `min_weight` (before scaling)
    dropped; scored exactly as src/text/pos.rs does."""

    def __init__(self, weights, tagdict, scale, min_weight):
        self.tagdict = tagdict
        self.dense = {}
        self.table = {}
        for f, row in weights.items():
            q = [0] * NTAGS
            for tag, w in row.items():
                if abs(w) >= min_weight:
                    q[tag] = max(-32767, min(32767, round(w * scale)))
            if not any(q):
                continue
            cls, sub, s = f
            if cls >= BIAS:
                self.dense[(cls, sub)] = q
            elif len(s.encode("utf-8")) <= MAX_STRING:
                self.table[f] = q

    def tag(self, words):
        ctx = context(words)
        out = []
        p1 = p2 = START
        for i in range(len(words)):
            guess = self.tagdict.get(ctx[i + 2].w)
            if guess is None:
                scores = [0] * NTAGS
                for f in features(ctx, i + 2, p1, p2):
                    row = (self.dense if f[0] >= BIAS else self.table).get(
                        f[:2] if f[0] >= BIAS else f)
                    if row:
                        for k in range(NTAGS):
                            scores[k] += row[k]
                guess = max(range(NTAGS), key=lambda t: (scores[t], -t))
            out.append(guess)
            p2, p1 = p1, guess
        return out

    def largest_sum(self):
        """The largest score a token can get, in absolute value. src/text/pos.rs folds the bias
        into the shape rows and the previous tag into the previous two, sums scores in i16 and
        refuses a model whose bound reaches 32768."""
        def dense(cls, k):
            return self.dense.get((cls, k), [0] * NTAGS)

        bias = dense(BIAS, 0)
        blocks = [
            [[w + b for w, b in zip(dense(SHAPE, k), bias)] for k in range(32)],
            [[w + p for w, p in zip(dense(T2, k), dense(T1, k % (NTAGS + 1)))]
             for k in range((NTAGS + 1) ** 2)],
            [dense(NEXT_SHAPE, k) for k in range(16)],
            [dense(PREV_SHAPE, k) for k in range(16)],
        ]
        total = sum(max(abs(w) for row in block for w in row) for block in blocks)
        slots = defaultdict(int)
        for (cls, sub, _), row in self.table.items():
            slot = (cls, sub) if cls in (W, S3) else (cls,)
            slots[slot] = max(slots[slot], max(abs(w) for w in row))
        return total + sum(slots.values())

    def serialize(self, lemmas):
        out = io.BytesIO()
        out.write(b"ITPOS\x01")

        def dense(cls, sub):
            return self.dense.get((cls, sub), [0] * NTAGS)

        blocks = [dense(BIAS, 0)]
        blocks += [dense(SHAPE, k) for k in range(32)]
        blocks += [dense(T1, k) for k in range(NTAGS + 1)]
        blocks += [dense(T2, k) for k in range((NTAGS + 1) ** 2)]
        blocks += [dense(NEXT_SHAPE, k) for k in range(16)]
        blocks += [dense(PREV_SHAPE, k) for k in range(16)]
        for row in blocks:
            out.write(struct.pack(f"<{NTAGS}h", *row))
        entries = [(cls, s, sub) for (cls, sub, s) in self.table]
        entries += [(FIX, w, tag) for w, tag in self.tagdict.items()]
        entries.sort(key=lambda e: (e[0], e[1].encode("utf-8"), e[2]))
        out.write(struct.pack("<I", len(entries)))
        for cls, s, sub in entries:
            b = s.encode("utf-8")
            out.write(struct.pack("<BBB", cls, sub, len(b)))
            out.write(b)
        for cls, s, sub in entries:
            if cls == FIX:
                continue
            row = self.table[(cls, sub, s)]
            mask = sum(1 << k for k in range(NTAGS) if row[k])
            out.write(struct.pack("<I", mask))
            out.write(struct.pack(f"<{bin(mask).count('1')}h", *[r for r in row if r]))
        out.write(struct.pack("<I", len(lemmas)))
        for (form, upos), lemma in sorted(lemmas.items(), key=lambda kv: (kv[0][0].encode(), kv[0][1])):
            f, l = form.encode("utf-8"), lemma.encode("utf-8")
            out.write(struct.pack("<BB", upos, len(f)) + f + struct.pack("<B", len(l)) + l)
        return out.getvalue()


def accuracy(tagger, sentences):
    right = total = 0
    for words, tags in sentences:
        for guess, truth in zip(tagger.tag(words), tags):
            right += guess == truth
            total += 1
    return right / max(total, 1)


# --- lemmas ---------------------------------------------------------------------------------------

VOWELS = "aeiou"
# Endings (vowel, consonant) of a stem of two syllables or more that lost an "e" ("created",
# "decided", "determined", "described", "prepared").
E_ENDINGS = {"at", "ut", "ot", "id", "ud", "od", "ad", "in", "um", "ib", "ap", "ar", "ir", "ur",
             "il"}


def vowel_groups(s):
    groups, inside = 0, False
    for c in s:
        v = c in VOWELS
        if v and not inside:
            groups += 1
        inside = v
    return groups


def restore(stem, ed):
    """The base form of a verb stem that lost "ed" (`ed`) or "ing"."""
    c1 = stem[-1]
    c0 = stem[-2] if len(stem) >= 2 else ""
    cm = stem[-3] if len(stem) >= 3 else ""
    if len(stem) >= 3 and c1 == c0 and c1 in "bdgkmnprt":
        return stem[:-1]  # stopped, planned, running
    if c1 == "e":
        return stem + "e" if ed else stem  # agreed, seeing
    if c1 in "vcu" or (c1 == "z" and c0 != "z") or (c1 == "s" and c0 != "s"):
        return stem + "e"  # lived, produced, argued, realized, used
    if c1 == "g" and (c0 == "d" or (c0 in VOWELS and cm not in VOWELS)):
        return stem + "e"  # judged, managed
    if len(stem) > 4 and stem.endswith(("ang", "eng", "ung")):
        return stem + "e"  # changed, challenged, plunged
    if c1 == "l" and c0 and c0 not in VOWELS and c0 not in "lrwy":
        return stem + "e"  # settled, handled
    if c1 in "bdgklmnprt" and c0 in VOWELS and cm not in VOWELS and cm != "":
        if vowel_groups(stem) == 1:
            return stem + "e"  # hoped, named, smiled
        if c0 + c1 in E_ENDINGS:
            return stem + "e"  # created, decided
    elif c1 in "bdgklmnprt" and c0 in VOWELS and cm == "":
        return stem + "e"  # aged
    return stem


def has_vowel(s):
    return any(c in "aeiouy" for c in s)


def lemma_rule(form, upos):
    """The lemma the regular rules give a lower-cased form (possessive cut, ’ as ')."""
    f = form
    n = len(f)
    if upos == NOUN:
        if n > 4 and f.endswith("ies"):
            return f[:-3] + "y"  # cities
        if n > 4 and f.endswith(("sses", "xes", "ches", "shes")):
            return f[:-2]  # classes, boxes, churches
        if n > 3 and f.endswith("s") and not f.endswith(("ss", "us", "is")):
            return f[:-1]  # visits, cases
        return f
    if upos in (VERB, AUX):
        if n > 4 and f.endswith(("ies", "ied")):
            return f[:-3] + "y"  # tries, carried
        if n > 4 and f.endswith("ing") and has_vowel(f[:-3]):
            return restore(f[:-3], False)
        if n > 3 and f.endswith("ed") and has_vowel(f[:-2]):
            return restore(f[:-2], True)
        if n > 3 and f.endswith("es"):
            stem = f[:-2]
            if stem.endswith(("ss", "sh", "ch", "x", "zz", "o")):
                return stem  # passes, watches, goes
            return f[:-1]  # makes
        if n > 2 and f.endswith("s") and not f.endswith(("ss", "us", "is")):
            return f[:-1]
        return f
    return f


def lemma_key(form):
    return strip_possessive(form).lower().replace("’", "'")


# Irregular verbs, "base past participle", for forms EWT may lack ("fled", "flew").
IRREGULAR = """
arise arose arisen; awake awoke awoken; be was been; be were been; bear bore borne; beat beat beaten;
become became become; begin began begun; bend bent bent; bet bet bet; bind bound bound;
bite bit bitten; bleed bled bled; blow blew blown; break broke broken; breed bred bred;
bring brought brought; broadcast broadcast broadcast; build built built; burn burnt burnt;
burst burst burst; buy bought bought; catch caught caught; choose chose chosen; cling clung clung;
come came come; cost cost cost; creep crept crept; cut cut cut; deal dealt dealt; dig dug dug;
do did done; draw drew drawn; dream dreamt dreamt; drink drank drunk; drive drove driven;
eat ate eaten; fall fell fallen; feed fed fed; feel felt felt; fight fought fought; find found found;
flee fled fled; fling flung flung; fly flew flown; forbid forbade forbidden; forecast forecast forecast;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten; get got got;
give gave given; go went gone; grind ground ground; grow grew grown; hang hung hung; have had had;
hear heard heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept;
kneel knelt knelt; know knew known; lay laid laid; lead led led; lean leant leant; leap leapt leapt;
learn learnt learnt; leave left left; lend lent lent; let let let; lie lay lain; light lit lit;
lose lost lost; make made made; mean meant meant; meet met met; mislead misled misled;
mistake mistook mistaken; overcome overcame overcome; overtake overtook overtaken; pay paid paid;
put put put; quit quit quit; read read read; rebuild rebuilt rebuilt; ride rode ridden; ring rang rung;
rise rose risen; run ran run; say said said; see saw seen; seek sought sought; sell sold sold;
send sent sent; set set set; shake shook shaken; shed shed shed; shine shone shone; shoot shot shot;
show showed shown; shrink shrank shrunk; shut shut shut; sing sang sung; sink sank sunk; sit sat sat;
sleep slept slept; slide slid slid; speak spoke spoken; speed sped sped; spend spent spent;
spin spun spun; spit spat spat; split split split; spread spread spread; spring sprang sprung;
stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung; stink stank stunk;
strike struck struck; strive strove striven; swear swore sworn; sweep swept swept; swim swam swum;
swing swung swung; take took taken; teach taught taught; tear tore torn; tell told told;
think thought thought; throw threw thrown; undergo underwent undergone; understand understood understood;
undertake undertook undertaken; upset upset upset; wake woke woken; wear wore worn; weave wove woven;
weep wept wept; win won won; wind wound wound; withdraw withdrew withdrawn; write wrote written
"""


def irregular_forms():
    out = {}
    for entry in IRREGULAR.split(";"):
        parts = entry.split()
        if len(parts) != 3:
            continue
        base, past, participle = parts
        for form in (past, participle):
            out.setdefault(form, base)
    return out


def lemma_table(sentences):
    """(form, upos) → lemma where the rules are wrong, from UD words and the irregular list."""
    counts = defaultdict(Counter)
    for s in sentences:
        for word, tag, lemma in zip(s.words, s.tags, s.lemmas):
            if tag in (NOUN, VERB, AUX) and lemma != "_":
                counts[(lemma_key(word), tag)][lemma.lower().replace("’", "'")] += 1
    table = {}
    for (form, tag), c in counts.items():
        lemma, _ = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        if lemma != lemma_rule(form, tag):
            table[(form, tag)] = lemma
    for form, base in irregular_forms().items():
        for tag in (VERB, AUX) if base in ("be", "have", "do") else (VERB,):
            if (form, tag) not in counts and lemma_rule(form, tag) != base:
                table[(form, tag)] = base
    # no file names, addresses or codes: words only
    return {k: v for k, v in table.items()
            if all(c.isalpha() or c in "'-" for c in k[0])
            and len(k[0].encode()) <= MAX_STRING and len(v.encode()) <= MAX_STRING}


def lemma_accuracy(table, sentences):
    right = total = 0
    for s in sentences:
        for word, tag, lemma in zip(s.words, s.tags, s.lemmas):
            if tag in (NOUN, VERB, AUX) and lemma != "_":
                key = lemma_key(word)
                guess = table.get((key, tag)) or lemma_rule(key, tag)
                right += guess == lemma.lower().replace("’", "'")
                total += 1
    return right / max(total, 1)


# --- main -----------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ud", help="folder with en_ewt-ud-{train,dev,test}.conllu")
    ap.add_argument("--out", default="assets/pos/model.bin.gz")
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=64.0, help="weight units per i16 step")
    ap.add_argument("--min-weight", type=float, default=0.5,
                    help="averaged weights smaller than this are dropped")
    ap.add_argument("--ours-only", action="store_true",
                    help="train on itinera's tokens alone, not on UD's own words as well")
    args = ap.parse_args()

    splits = {name: read_conllu(f"{args.ud}/en_ewt-ud-{name}.conllu")
              for name in ("train", "dev", "test")}
    ours = {name: [project(s) for s in sents] for name, sents in splits.items()}
    gold = {name: [(s.words, s.tags) for s in sents] for name, sents in splits.items()}
    data = ours["train"] + ([] if args.ours_only else gold["train"])
    print(f"training on {sum(len(t) for _, t in data)} tokens", file=sys.stderr)
    weights, tagdict = train(data, args.iterations, args.seed)
    tagger = Quantized(weights, tagdict, args.scale, args.min_weight)
    rows = len(tagger.table)
    bound = tagger.largest_sum()
    print(f"{len(weights)} features, {rows} kept; scores within ±{bound}", file=sys.stderr)
    if bound >= 32768:
        sys.exit(f"scores could overflow i16 (±{bound}): lower --scale")
    for name in ("dev", "test"):
        print(f"UPOS accuracy on EWT {name}: {accuracy(tagger, ours[name]):.4f} in itinera's "
              f"tokens, {accuracy(tagger, gold[name]):.4f} in UD's words")

    lemmas = lemma_table(splits["train"] + splits["dev"])
    print(f"{len(lemmas)} lemma exceptions; NOUN/VERB/AUX lemma accuracy on EWT test "
          f"(gold tags): {lemma_accuracy(lemmas, splits['test']):.4f}, rules alone "
          f"{lemma_accuracy({}, splits['test']):.4f}")

    raw = tagger.serialize(lemmas)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    with open(args.out, "wb") as f:
        f.write(buf.getvalue())
    print(f"wrote {args.out}: {len(buf.getvalue())} bytes ({len(raw)} before gzip)")


if __name__ == "__main__":
    main()
