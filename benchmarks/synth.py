"""A deterministic synthetic corpus of newspaper pages made from the sample page's sentence patterns.

Each page is laid out like the sample (``cqzxb-2025-07-03-p2.txt``): a masthead (editors,
telephone, date, page number fused with the banner headline), a section banner, then about ten
speeches, each a headline line directly followed by a proposer line, and a body wrapped into
narrow columns with a blank line after every line. Bodies open with a short situation paragraph
ending in "为此，建议：" and go on with numbered items (一是/二是…) or lead-sentence paragraphs,
built from templates such as "设立{place}{modifier}{head}" with names, places, numbers and
proposers drawn from a seeded RNG. Scale 1 is one page about the size of the sample
(≈10 speeches, ≈7,500 characters); scale N is N pages; page k is the same at every scale.

Alongside the pages, :func:`generate_gold` gives the entities each template planted, in the gold
JSONL format of the evaluation, so extraction can be scored on synthetic text too.

Usage (no policykg needed)::

    python benchmarks/synth.py --scale 10 -o DIR [--seed 0] [--gold DIR/gold.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# ---------------------------------------------------------------- vocabulary

PLACES = ["重庆", "市级", "区县", "成渝", "川渝", "国家级", "西部", "两江新区", "西部科学城"]
FUND_MODIFIERS = ["科技成果转化", "中试熟化", "数智化绿色化转型", "产业链", "科技创新", "绿色低碳",
                  "知识产权运营", "人工智能", "生物医药", "智能网联新能源汽车",
                  "先进制造业", "乡村振兴", "数字经济", "高端装备", "新材料"]
FUND_HEADS = ["引导基金", "种子基金", "天使基金", "母基金", "子基金", "风险补偿资金池", "纾困基金",
              "并购基金", "专项基金", "产业基金", "创业投资基金", "投资基金", "专项资金"]
MECHANISM_MODIFIERS = ["科技成果转化", "校企合作", "产学研协同", "投资项目", "知识产权保护",
                       "科技金融", "人才评价", "中试熟化", "跨部门", "首台套", "梯度培育",
                       "区域协同", "数据共享", "揭榜挂帅", "绿色金融"]
MECHANISM_HEADS = ["协同机制", "对接机制", "激励机制", "评价机制", "风险分担机制", "容错机制",
                   "尽职免责机制", "联动机制", "预警机制", "管理机制", "培育机制", "联席会议制度",
                   "服务体系", "评价体系", "认证体系", "政策体系", "担保体系"]
PLATFORM_MODIFIERS = ["科技成果", "中试熟化", "人工智能", "工业互联网", "生物医药", "新材料",
                      "智能网联汽车", "“双技”融合", "产学研融通", "知识产权", "绿色低碳",
                      "数字化转型", "高端装备", "集成电路"]
PLATFORM_HEADS = ["中试平台", "概念验证中心", "孵化器", "公共服务平台", "信息共享平台", "算力平台",
                  "实训基地", "创新综合体", "重点实验室", "技术创新中心", "大学科技园",
                  "对接平台", "数字化平台"]
INSTITUTIONS = ["国有企业", "民营企业", "高校", "科研院所", "金融机构", "商业银行", "保险公司",
                "龙头企业", "科技型企业", "中小企业", "“专精特新”企业", "第三方评价机构",
                "技术转移机构", "投资机构", "科技领军企业", "产业链上下游企业"]
ORG_PROPOSERS = ["民建重庆市委会", "民进重庆市委会", "民盟重庆市委会", "九三学社重庆市委会",
                 "致公党重庆市委会", "农工党重庆市委会", "民革重庆市委会", "台盟重庆市委会",
                 "市工商联", "市科协"]
PERSON_ORGS = ["重庆理工大学", "重庆交通大学", "重庆开放大学", "重庆邮电大学", "西南大学",
               "重庆医科大学", "中银金租", "重庆银行", "重庆农商行", "两江新区管委会",
               "重庆广仁能源装备股份有限公司", "重庆市科学技术研究院"]
PERSON_ROLES = {"大学": ["校长", "副校长", "党委书记"], "金租": ["党委书记、董事长", "总经理"],
                "银行": ["董事长", "行长"], "农商行": ["董事长", "行长"], "管委会": ["主任", "副主任"],
                "公司": ["董事长", "总经理"], "研究院": ["院长", "副院长"]}
CPPCC_ROLES = ["市政协委员", "市政协常委", "全国政协委员"]
SURNAMES = list("张王李刘陈杨黄赵周吴徐孙马胡朱郭何罗高林谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文")
GIVEN = list("才明小康盈杰其亮敏文勇博伟芳娜静丽强磊军洋勇艳杰涛超明霞平刚桂英华建国志新宏海波宁东晨曦")
TOPICS = ["科技创新与产业创新深度融合", "科技成果转化", "耐心资本培育", "新质生产力发展",
          "企业科技创新主体地位", "创投生态优化", "校企长期合作", "数智技术赋能制造业",
          "开发区创新发展", "金融服务实体经济", "智能网联新能源汽车发展", "知识产权保护"]
PURPOSES = ["降低研发风险", "提高成果转化效率", "推动产业链与创新链深度融合", "加大对早期项目的支持力度",
            "破解融资难融资贵问题", "促进科技资源与市场信息精准匹配", "激发创新主体活力",
            "畅通校企人才双向流动", "提升产业基础能力", "引导社会资本投早投小投硬科技"]
LEADS = ["培育壮大企业创新主体", "提升企业科技决策参与度", "强化企业研发投入主体地位",
         "优化多层次金融供给", "精准匹配企业融资需求", "加强高质量成果供给", "优化全链条服务",
         "强化顶层设计", "畅通要素流动", "构筑人才高地", "推动开放协同", "强化评价结果运用"]
SITUATIONS = ["近年来，我市{topic}取得积极进展，{inst}创新能力不断增强。",
              "{topic}是培育新质生产力的关键路径和重要引擎。",
              "截至{year}年底，我市已培育{inst}{n}家，{topic}成效明显。",
              "但相较部分发达地区仍有不小差距，调研发现还存在一些困难和问题。",
              "但调研发现，{topic}方面依然存在一定短板，亟待解决。"]
NUMBERS = ["一", "二", "三", "四", "五", "六"]


# ---------------------------------------------------------------- building blocks


@dataclass
class Speech:
    """One synthetic speech: its text blocks and the gold it plants."""

    title: str
    proposer_line: str
    proposer: dict
    paragraphs: list[str] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    recommendations: int = 0

    def plant(self, type_: str, text: str) -> str:
        """Record an entity (once per speech, in order of first mention) and return its text."""
        entity = {"type": type_, "text": text.strip("“”") if _wrapped(text) else text}
        if entity not in self.entities:
            self.entities.append(entity)
        return text


def _wrapped(text: str) -> bool:
    return text.startswith("“") and text.endswith("”") and text.count("“") == 1


def fund(rng: random.Random) -> str:
    return rng.choice(PLACES) * (rng.random() < 0.5) + rng.choice(FUND_MODIFIERS) + rng.choice(FUND_HEADS)


def mechanism(rng: random.Random) -> str:
    return rng.choice(MECHANISM_MODIFIERS) + rng.choice(MECHANISM_HEADS)


def platform(rng: random.Random) -> str:
    return rng.choice(PLACES) * (rng.random() < 0.3) + rng.choice(PLATFORM_MODIFIERS) + rng.choice(PLATFORM_HEADS)


def institution(rng: random.Random) -> str:
    return rng.choice(INSTITUTIONS)


# Each template writes one sentence and plants the entities it names.
def _t_set_fund(s: Speech, rng: random.Random) -> str:
    return f"设立{s.plant('Fund', fund(rng))}，{rng.choice(PURPOSES)}。"


def _t_cofunded(s: Speech, rng: random.Random) -> str:
    funder = s.plant("Institution", "政府")
    name = s.plant("Fund", fund(rng))
    return f"建立由{funder}、企业和社会资本共同出资的{name}，规模不低于{rng.randint(5, 200)}亿元。"


def _t_build_mechanism(s: Speech, rng: random.Random) -> str:
    verb = rng.choice(["建立", "完善", "健全", "探索建立", "优化"])
    return f"{verb}{s.plant('Mechanism', mechanism(rng))}，{rng.choice(PURPOSES)}。"


def _t_two_mechanisms(s: Speech, rng: random.Random) -> str:
    first, second = s.plant("Mechanism", mechanism(rng)), s.plant("Mechanism", mechanism(rng))
    return f"完善{first}和{second}，形成工作合力。"


def _t_host_platform(s: Speech, rng: random.Random) -> str:
    host, name = s.plant("Institution", institution(rng)), s.plant("Platform", platform(rng))
    return f"支持{host}牵头建设{name}，{rng.choice(PURPOSES)}。"


def _t_rely_platform(s: Speech, rng: random.Random) -> str:
    name = s.plant("Platform", platform(rng))
    return f"依托{rng.choice(['科学城', '重点园区', '两江新区', '高新区'])}打造{name}，推动服务数据开放共享。"


def _t_encourage(s: Speech, rng: random.Random) -> str:
    first, second = rng.sample(INSTITUTIONS, 2)
    first, second = s.plant("Institution", first), s.plant("Institution", second)
    return f"鼓励{first}、{second}加大投入，提供多层次接力式金融支持。"


def _t_guide_capital(s: Speech, rng: random.Random) -> str:
    name = s.plant("Fund", rng.choice(["社保基金", "保险资金", "产业基金", "政府基金"]))
    return f"引导{name}等长期资金开展长期投资，做大做强耐心资本。"


def _t_number(s: Speech, rng: random.Random) -> str:
    name = s.plant("Institution", rng.choice(["科技型企业", "高新技术企业", "“专精特新”企业", "龙头企业"]))
    return (f"力争到{rng.randint(2026, 2030)}年培育{rng.randint(10, 500)}家{name}，"
            f"带动投资{rng.randint(10, 900)}亿元。")


def _t_explore_fund(s: Speech, rng: random.Random) -> str:
    name, target = s.plant("Fund", fund(rng)), s.plant("Institution", institution(rng))
    return f"探索设立{name}，对{target}给予{rng.randint(50, 500)}万元至{rng.randint(600, 3000)}万元支持。"


def _t_co_build(s: Speech, rng: random.Random) -> str:
    first, second = rng.sample(INSTITUTIONS, 2)
    first, second = s.plant("Institution", first), s.plant("Institution", second)
    return f"推动{first}与{second}共建{s.plant('Platform', platform(rng))}，实现资源共享、优势互补。"


def _t_two_platforms(s: Speech, rng: random.Random) -> str:
    first, second = s.plant("Platform", platform(rng)), s.plant("Platform", platform(rng))
    return f"在{rng.choice(['环大学创新生态圈', '重点园区', '科创走廊'])}布局{first}和{second}，提升服务能力。"


def _t_model(s: Speech, rng: random.Random) -> str:
    a, b = rng.sample(["投资", "孵化", "技术平台", "基金", "直投", "贷款", "保险", "担保"], 2)
    name = s.plant("Mechanism", f"“{a}+{b}”模式")
    return f"创新{name}，提供投后赋能服务。"


def _t_slogan_platform(s: Speech, rng: random.Random) -> str:
    slogan = rng.choice(["险资入渝", "科技入园", "金融进企", "人才兴渝", "成果上架"])
    name = s.plant("Platform", f"“{slogan}”平台")
    return f"用好{name}，扩大政策覆盖面。"


def _t_plain(s: Speech, rng: random.Random) -> str:
    return rng.choice(["加强宏观经济监测分析，及时预警。", "简化审批流程，提高办事效率。",
                       "扩大税收优惠覆盖面，延长贴息期限。", "加强知识产权宣传教育，提高全社会保护意识。",
                       "定期破解政策衔接堵点，推动流程精简与风险兜底。"])


TEMPLATES = [_t_set_fund, _t_cofunded, _t_build_mechanism, _t_two_mechanisms, _t_host_platform,
             _t_rely_platform, _t_encourage, _t_guide_capital, _t_number, _t_explore_fund,
             _t_co_build, _t_two_platforms, _t_model, _t_slogan_platform, _t_plain]


# ---------------------------------------------------------------- speeches and pages


def proposer(rng: random.Random) -> tuple[str, dict]:
    """A proposer line and its gold: an organisation or a person with CPPCC and work roles."""
    if rng.random() < 0.3:
        name = rng.choice(ORG_PROPOSERS)
        return name, {"name": name, "kind": "organization", "roles": [], "affiliations": []}
    person = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2])))
    cppcc, org = rng.choice(CPPCC_ROLES), rng.choice(PERSON_ORGS)
    role = rng.choice(next(v for k, v in PERSON_ROLES.items() if org.endswith(k)))
    affiliation = {"市政协委员": "市政协", "市政协常委": "市政协", "全国政协委员": "全国政协"}[cppcc]
    line = f"{cppcc}、{org}{role} {person}"
    gold = {"name": person, "kind": "person", "roles": [cppcc] + [org + r for r in role.split("、")],
            "affiliations": [affiliation, org]}
    return line, gold


def headline(s: Speech, rng: random.Random, topic: str) -> str:
    """A headline in one of the sample's shapes; entities in it count for the speech."""
    shape = rng.randrange(3)
    if shape == 0:
        return f"关于推动{topic}的建议"
    if shape == 1:
        return f"建立{s.plant('Mechanism', mechanism(rng))} 推动{topic}"
    return f"进一步强化{topic}"


def speech(rng: random.Random) -> Speech:
    """One speech: headline, proposer, situation paragraph, then 3–4 recommendations."""
    line, gold = proposer(rng)
    topic = rng.choice(TOPICS)
    s = Speech(title="", proposer_line=line, proposer=gold)
    s.title = headline(s, rng, topic)
    s.paragraphs.append(situation(s, rng, topic) + "为此，建议：")
    numbered = rng.random() < 0.7
    s.recommendations = rng.choice([3, 4])
    for index in range(s.recommendations):
        s.paragraphs.append(recommendation(s, rng, index, numbered))
    return s


def situation(s: Speech, rng: random.Random, topic: str) -> str:
    """Two sentences on the state of things; an institution they name is planted."""
    text = ""
    for template in rng.sample(SITUATIONS, 3):
        inst = rng.choice(["科技型企业", "高新技术企业", "创新型中小企业"])
        if "{inst}" in template:
            s.plant("Institution", inst)
        text += template.format(topic=topic, inst=inst, year=rng.randint(2020, 2025),
                                n=rng.randint(100, 9000))
    return text


def recommendation(s: Speech, rng: random.Random, index: int, numbered: bool) -> str:
    lead = rng.choice(LEADS)
    body = "".join(rng.choice(TEMPLATES)(s, rng) for _ in range(rng.randint(4, 7)))
    if numbered:
        return f"{NUMBERS[index]}是{lead}。{body}"
    return f"{lead}。{body}"


NO_LINE_START = "，。、；：？！”’）》"


def wrap(paragraph: str, width: int) -> list[str]:
    """Cut a paragraph into column lines of ``width`` characters (the last one shorter).

    As in print, a line never starts with closing punctuation: it stays on the line before.
    """
    lines, start = [], 0
    while start < len(paragraph):
        end = start + width
        while end < len(paragraph) and paragraph[end] in NO_LINE_START:
            end += 1
        lines.append(paragraph[start:end])
        start = end
    return lines


def masthead(rng: random.Random, page: int, day: date, banner: str) -> list[str]:
    editors = f"责任编辑 / {rng.choice(SURNAMES)}{rng.choice(GIVEN)} 编辑 / {rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}"
    weekday = "一二三四五六日"[day.weekday()]
    return ["", editors, f"电话 / 023-6384{rng.randint(1000, 9999)} {day.year}年{day.month}月{day.day}日 星期{weekday}",
            "", f"Chongqing Zhengxie bao {page} 版{banner}", "", "市政协常委会会议专题议政性协商发言摘登", ""]


def page_speeches(seed: int, number: int) -> tuple[random.Random, list[Speech]]:
    rng = random.Random(f"policykg-synth:{seed}:{number}")
    return rng, [speech(rng) for _ in range(rng.randint(9, 11))]


def render_page(seed: int, number: int) -> str:
    """Page ``number`` (0-based) of the corpus for ``seed``."""
    rng, speeches = page_speeches(seed, number)
    day = date(2025, 1, 2) + timedelta(days=number)
    lines = masthead(rng, 2 + number % 7, day, rng.choice(TOPICS))
    for s in speeches:
        lines += [s.title, s.proposer_line, ""]
        width = rng.randint(21, 24)
        for paragraph in s.paragraphs:
            for piece in wrap(paragraph, width):
                lines += [piece, ""]
    return "\n".join(lines) + "\n"


def generate(scale: int, seed: int = 0) -> list[str]:
    """``scale`` pages of synthetic text, each about the size of the sample page."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    return [render_page(seed, n) for n in range(scale)]


def generate_gold(scale: int, seed: int = 0) -> list[dict]:
    """Gold rows (evaluation format) for the speeches of :func:`generate` with the same arguments."""
    rows = []
    for n in range(scale):
        _, speeches = page_speeches(seed, n)
        rows += [{"page": n + 1, "order": i, "title": s.title, "proposer": s.proposer,
                  "recommendations": s.recommendations, "entities": s.entities}
                 for i, s in enumerate(speeches, start=1)]
    return rows


def write(directory: Path, scale: int, seed: int = 0, gold: Path | None = None) -> list[Path]:
    """Write ``page-0001.txt`` … to ``directory`` (and the gold JSONL if asked); the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(scale):
        path = directory / f"page-{n + 1:04d}.txt"
        path.write_text(render_page(seed, n), encoding="utf-8")
        paths.append(path)
    if gold is not None:
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                for r in generate_gold(scale, seed)), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of newspaper pages.")
    parser.add_argument("--scale", type=int, default=1, help="number of pages (1 ≈ the sample page)")
    parser.add_argument("--seed", type=int, default=0, help="RNG seed (same seed, same pages)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write pages to")
    parser.add_argument("--gold", type=Path, help="also write the planted entities as gold JSONL")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    paths = write(args.output, args.scale, args.seed, args.gold)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"wrote {len(paths)} pages, {chars} characters, to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
