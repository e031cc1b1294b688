"""Grammatical gender of person mentions, for resolving ``he``/``she`` to the right speaker.

Gender comes from a title (``Mr.``, ``Ms.``), a gendered role noun (``spokeswoman``, ``king``) or a
common given name. The name lists are common first names of English-language news and of frequently
reported public figures worldwide, written for this project; a name that is common for both sexes is
left out (no gender is better than a wrong one).

What it does not do: guess a gender from a surname, or from how a pronoun was resolved (a resolution
error would then spread).
"""

from __future__ import annotations

MALE_TITLES = frozenset("mr mr. sir lord king prince sheikh emir pope father fr fr. brother".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam madame dame lady queen princess sister".split())

MALE_NOUNS = frozenset(
    """
    man men boy spokesman chairman congressman businessman husband father son brother uncle grandfather
    king prince emperor sultan emir sheikh nephew boyfriend widower policeman councilman
    """.split()
)
FEMALE_NOUNS = frozenset(
    """
    woman women girl spokeswoman chairwoman congresswoman businesswoman wife mother daughter sister aunt
    grandmother queen princess empress niece girlfriend widow policewoman councilwoman actress
    """.split()
)

MALE_NAMES = frozenset(
    """
    aaron abdel abdul abdullah abraham adam adrian ahmad ahmed alan albert alberto alejandro alexander
    alexei alexey ali alistair anatoly andre andrei andres andrew andrzej angus anthony antonio antony
    antonin arnold arthur ashraf barack barry ben benjamin benny bernard bernie bill billy bob bobby
    boris brad bradley brendan brett brian bruce bryan carl carlos charles christopher chuck
    clarence claude clint colin craig dale dan daniel danny darren david dennis derek dick dmitri
    dmitry don donald doug douglas duncan dwight earl ed eddie edgar edward elijah emmanuel enrique
    eric erik ernest evan fernando francis francisco frank franklin fred frederick gary gavin geert
    gene george gerald gerhard gilbert glenn gordon graham grant greg gregory gustavo guy hamid
    hans harold harry hassan hector henry herbert howard hugh hugo ian igor ibrahim isaac ivan jack
    jacob jaime jake james jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jim jimmy
    joe joel johannes john johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl
    keith ken kenneth kevin khalid kirk kurt larry lawrence leo leon leonard louis luis
    luke lyndon malcolm manuel marc marco marcus mario mark martin marvin matt matthew max michael
    miguel mike mikhail mitch mitt mohamed mohammad mohammed muhammad narendra nasser nathan neil
    nicholas nick nicolas nigel norman olaf oleg oliver omar oscar pablo patrick paul pedro peter
    philip phil pierre ralph ramon randy ray raymond recep reince rex richard rick rob robert roberto
    rod rodrigo roger roland ron ronald roy rudy russell ryan salman samuel scott sean sebastian
    sergei sergey seth shinzo simon stanley stephen steve steven stuart ted thomas tim timothy
    todd tom tommy tony trevor tyler victor viktor vince vincent vladimir volodymyr walter
    wayne wesley william willie xavier yevgeny yoav yuri zach zachary
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abigail ada adriana ava aisha alexandra alice alicia alison amanda amber amy ana anastasia angela
    angelina anita ann anna anne annette antonia ashley barbara beatriz becky betty beverly brenda
    bridget carla carmen carol caroline carolyn catherine cecilia charlotte cheryl chloe christina
    christine cindy claire clara claudia colleen cynthia daisy daniela deborah debbie denise diana
    diane dianne donna doris dorothy edith elaine eleanor elena elisabeth elizabeth ella ellen emily
    emma erica erin esther eva evelyn fatima fiona florence frances gabriela gail gina giorgia gloria
    grace hannah harriet heather heidi helen hilary hillary ingrid irene isabel isabella jacqueline jane
    janet janice jeanne jennifer jessica jill joan joanna jodi josephine joy joyce judith judy julia
    julie june karen kate katherine kathleen kathryn kathy katie kay kimberly kirsten kristen
    laura lauren leah linda lisa lois loretta lori louise lucy lydia lynn madeleine madeline margaret
    margarita maria marie marilyn marine marion martha mary maxine megan melania melanie melissa
    michelle mildred miriam molly monica nadia nancy naomi natalie natasha nicole nikki nina
    nora olga olivia pamela patricia paula pauline peggy penny priscilla rachel rebecca regina rita
    roberta rosa rose ruth sally samantha sandra sara sarah sharon sheila shirley sonia sophia sophie
    stacey stephanie susan susanne suzanne sylvia tamara tanya teresa theresa tina ursula
    valerie vanessa vera veronica victoria virginia wendy yulia yvonne zoe
    """.split()
)


def gender_of(first_name: str | None, titles: set[str] = frozenset(), role_words: set[str] = frozenset()) -> str | None:
    """"m", "f" or None from titles, gendered role nouns and a given name (in that order)."""
    low = {t.lower() for t in titles}
    if low & MALE_TITLES:
        return "m"
    if low & FEMALE_TITLES:
        return "f"
    roles = {r.lower() for r in role_words}
    if roles & MALE_NOUNS and not roles & FEMALE_NOUNS:
        return "m"
    if roles & FEMALE_NOUNS and not roles & MALE_NOUNS:
        return "f"
    if first_name:
        name = first_name.lower().strip(".")
        if name in MALE_NAMES:
            return "m"
        if name in FEMALE_NAMES:
            return "f"
    return None
