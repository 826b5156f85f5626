"""The demo show: a 3-hour Double-11 digital-accessories show on Douyin, as a team would plan it.

It exercises every part of a plan (every segment kind, a five-person team, stock, coupons, flash
sales, lucky draws, a gift, targets, a rhythm of its own) and carries deliberate warnings for a
new user to find and fix: the 9.9-yuan cable flash sale cuts deeper than the show's maximum
discount, and three flash sales are not next to their product's intro. It comes with
a rehearsal take and the live run, with the over- and under-runs shows really have.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from liveplanner.app.demo_metrics import RanSegment, demo_metrics
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.enums import (
    NoteCategory,
    Platform,
    PromoKind,
    Role,
    RunKind,
    SegmentKind,
    ShowStatus,
)
from liveplanner.core.plan import (
    DEFAULT_TIME_ZONE,
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Rhythm,
    Segment,
    Show,
    ShowPlan,
    Targets,
    TeamMember,
)
from liveplanner.storage.database import Database
from liveplanner.storage.notes import add_note
from liveplanner.storage.runs import log_clock_events, start_run
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.storage.shows import load_plan, save_plan

K = SegmentKind
HOST, CO, FLOOR, CS, OPS = 1, 2, 3, 4, 5  # local person ids

PEOPLE = (
    Person(HOST, "林晓"),
    Person(CO, "陈一鸣"),
    Person(FLOOR, "王磊"),
    Person(CS, "赵敏"),
    Person(OPS, "刘洋"),
)
TEAM = (
    TeamMember(1, HOST, Role.HOST),
    TeamMember(2, CO, Role.CO_HOST),
    TeamMember(3, FLOOR, Role.FLOOR_CONTROL),
    TeamMember(4, CS, Role.CUSTOMER_SERVICE),
    TeamMember(5, OPS, Role.OPS),
)

# id, sku, name, list, live, cost (fen), stock
PRODUCTS = (
    Product(1, "PB-10K", "磁吸无线充电宝 10000mAh", 19900, 12900, 6800, 3000),
    Product(2, "GAN-65", "氮化镓快充头 65W", 12900, 7900, 3800, 5000),
    Product(3, "ANC-X2", "真无线降噪耳机 X2", 39900, 26900, 15000, 1500),
    Product(4, "CASE-17", "iPhone 17 磁吸手机壳", 5900, 2900, 900, 8000),
    Product(5, "CBL-2P", "编织快充数据线（两条装）", 4900, 1990, 600, 10000),
    Product(6, "STD-01", "桌面折叠手机支架", 6900, 3900, 1500, 4000),
    Product(7, "BAND-W", "智能手表硅胶表带", 7900, 4500, 1200, 3000),
)

COUPON_199, COUPON_EARBUDS, COUPON_99 = 1, 2, 3
FLASH_CABLE, FLASH_CASE, FLASH_BANK = 4, 5, 6
DRAW_EARBUDS, DRAW_CHARGER, GIFT_CABLE = 7, 8, 9
PROMOS = (
    Promo(COUPON_199, PromoKind.COUPON, "全场满199减30", None, 3000, 3000, None, 19900, 1, 9000000),
    Promo(
        COUPON_EARBUDS, PromoKind.COUPON, "耳机专享满269减40", 3, 800, 4000, None, 26900, 1, 3200000
    ),
    Promo(COUPON_99, PromoKind.COUPON, "满99减15", None, 2000, 1500, None, 9900, 1, 3000000),
    Promo(
        FLASH_CABLE, PromoKind.FLASH_SALE, "9.9元数据线秒杀", 5, 2000, None, 990, None, 2, 2500000
    ),
    Promo(FLASH_CASE, PromoKind.FLASH_SALE, "手机壳24.9秒杀", 4, 600, None, 2490, None, 2, 300000),
    Promo(FLASH_BANK, PromoKind.FLASH_SALE, "充电宝99元秒杀", 1, 500, None, 9900, None, 1, 1500000),
    Promo(
        DRAW_EARBUDS,
        PromoKind.LUCKY_DRAW,
        "点赞10万抽降噪耳机",
        3,
        10,
        26900,
        None,
        None,
        1,
        300000,
    ),
    Promo(DRAW_CHARGER, PromoKind.LUCKY_DRAW, "福袋：快充头", 2, 20, 7900, None, None, 1, 200000),
    Promo(
        GIFT_CABLE,
        PromoKind.GIFT,
        "应急赠品：数据线",
        5,
        300,
        1990,
        None,
        None,
        None,
        600000,
        notes="缺货或超卖时补偿用",
    ),
)

STANDARD_ROLES = {Role.HOST: HOST, Role.CO_HOST: CO, Role.FLOOR_CONTROL: FLOOR}

# kind, title, minutes, product id, talking points
SEGMENTS: tuple[tuple[SegmentKind, str, int, int | None, str], ...] = (
    (K.OPENING, "开场暖场·今日福利预告", 8, None, "问好，介绍今晚双11福利节奏\n引导关注、加粉丝团"),
    (K.LUCKY_DRAW, "开场福袋：关注+评论抽快充头", 5, None, "口播福袋规则：关注主播并评论“双11”"),
    (
        K.PRODUCT_INTRO,
        "磁吸充电宝讲解",
        9,
        1,
        "30秒讲清核心卖点：磁吸即充、10000mAh\n演示给 iPhone 充电",
    ),
    (K.COUPON_DROP, "全场满199减30券·第一轮", 3, None, "提醒凑单：充电宝+快充头刚好过199"),
    (
        K.PRODUCT_INTRO,
        "氮化镓快充头 65W",
        8,
        2,
        "一头充三台：手机、平板、笔记本\n对比原装充电器体积",
    ),
    (K.FLASH_SALE, "9.9元数据线秒杀·第一波", 5, 5, "倒数10秒上链接，每人限2件"),
    (K.QA, "答疑：快充兼容哪些手机", 8, None, "挑评论区高频问题回答，置顶兼容列表"),
    (K.PRODUCT_INTRO, "真无线降噪耳机 X2", 10, 3, "降噪演示：打开/关闭对比\n续航30小时"),
    (K.COUPON_DROP, "耳机专享券 满269减40", 3, 3, "券后229，强调仅限今晚"),
    (K.PRODUCT_INTRO, "iPhone 17 磁吸手机壳", 7, 4, "摔落演示，磁吸兼容充电宝"),
    (K.FLASH_SALE, "手机壳24.9元秒杀", 5, 4, "限量600件，拍完即止"),
    (K.LUCKY_DRAW, "点赞10万抽降噪耳机", 7, 3, "点赞达标解锁福利，报点赞进度"),
    (K.PRODUCT_INTRO, "桌面折叠手机支架", 6, 6, "追剧、网课场景演示"),
    (K.QA, "互动：连麦粉丝晒单", 8, None, "连麦老粉，讲使用体验"),
    (K.OTHER, "中场整点播报·主播补水", 3, None, "助播播报福利时间表，主播休息"),
    (K.PRODUCT_INTRO, "编织快充数据线（两条装）", 6, 5, "拉力测试，1.5米长度"),
    (K.COUPON_DROP, "满99减15券", 3, None, "数据线+支架凑单过99"),
    (K.FLASH_SALE, "充电宝99元秒杀", 5, 1, "限量500台，每人限1台"),
    (K.PRODUCT_INTRO, "智能手表硅胶表带", 6, 7, "多色展示，快拆演示"),
    (K.COUPON_DROP, "全场满199减30券·第二轮", 3, None, "提醒未领券的观众"),
    (K.PRODUCT_INTRO, "降噪耳机返场", 9, 3, "回顾卖点，报销量和剩余库存"),
    (K.FLASH_SALE, "9.9元数据线秒杀·第二波", 5, 5, "第二波1000件"),
    (K.LUCKY_DRAW, "福袋第二轮", 7, None, "福袋：快充头10个；耳机5副"),
    (K.QA, "售后答疑：发货、退换", 9, None, "48小时发货，7天无理由"),
    (K.PRODUCT_INTRO, "充电宝返场", 8, 1, "秒杀后原价款再讲一次，强调库存"),
    (K.COUPON_DROP, "全场满199减30券·最后一轮", 3, None, "最后一轮，倒计时逼单"),
    (K.PRODUCT_INTRO, "快充头返场·组合推荐", 7, 2, "充电宝+快充头+数据线组合"),
    (K.CLOSING, "收尾·下场预告", 14, None, "感谢，预告下一场黑五专场\n引导关注、加粉丝团"),
)

# segment number (1-based), promo, offset seconds, quantity
RELEASES = (
    (2, DRAW_CHARGER, 60, 10),
    (4, COUPON_199, 30, 1000),
    (6, FLASH_CABLE, 10, 1000),
    (9, COUPON_EARBUDS, 20, 800),
    (11, FLASH_CASE, 10, 600),
    (12, DRAW_EARBUDS, 120, 5),
    (17, COUPON_99, 20, 2000),
    (18, FLASH_BANK, 10, 500),
    (20, COUPON_199, 30, 1000),
    (22, FLASH_CABLE, 10, 1000),
    (23, DRAW_CHARGER, 60, 10),
    (23, DRAW_EARBUDS, 180, 5),
    (26, COUPON_199, 30, 1000),
)

CUES = {
    PromoKind.COUPON: (Role.FLOOR_CONTROL, "上架{name}，{quantity}张"),
    PromoKind.FLASH_SALE: (Role.FLOOR_CONTROL, "上{name}链接，{quantity}件"),
    PromoKind.LUCKY_DRAW: (Role.FLOOR_CONTROL, "发福袋：{name}，{quantity}个"),
}


def demo_plan(start: datetime | None = None) -> ShowPlan:
    """The demo as a plan in memory; `start` defaults to 11 November 2026, 19:30 in Shanghai."""
    zone = ZoneInfo(DEFAULT_TIME_ZONE)
    start = start or datetime(2026, 11, 11, 19, 30, tzinfo=zone)
    segments = tuple(
        Segment(
            id=number,
            kind=kind,
            title=title,
            duration_s=minutes * 60,
            product_id=product,
            talking_points=points,
            roles=dict(STANDARD_ROLES),
        )
        for number, (kind, title, minutes, product, points) in enumerate(SEGMENTS, start=1)
    )
    releases = tuple(
        Release(i, promo, segment, offset, quantity)
        for i, (segment, promo, offset, quantity) in enumerate(RELEASES, start=1)
    )
    duties: list[Duty] = []
    promos = {p.id: p for p in PROMOS}
    for release in releases:
        promo = promos[release.promo_id]
        role, text = CUES[promo.kind]
        cue = text.format(name=promo.name, quantity=release.quantity)
        duties.append(Duty(len(duties) + 1, release.segment_id, release.offset_s, cue, role))
        duties.append(
            Duty(
                len(duties) + 1,
                release.segment_id,
                0,
                f"置顶{promo.name}规则",
                Role.CUSTOMER_SERVICE,
            )
        )
    for segment in segments:
        if segment.kind is K.FLASH_SALE:
            duties.append(
                Duty(len(duties) + 1, segment.id, 60, "盯库存，售罄立即下架并口播", Role.OPS)
            )
    duties.append(Duty(len(duties) + 1, 1, 0, "确认推流、备用机和备用网络就绪", Role.OPS))
    show = Show(
        id=1,
        title="双11数码配件专场",
        planned_start=start,
        platform=Platform.DOUYIN,
        room="数码好物官方旗舰店",
        status=ShowStatus.DRAFT,
        targets=Targets(
            gmv_fen=150_000_000,  # 1.5 million yuan
            viewers=150_000,
            conversion_bp=800,
            new_followers=5_000,
            interaction_bp=1_000,
        ),
        # Its producer runs benefits in blocks (a flash sale straight into a lucky draw) and gives
        # the flagship earbuds a 10-minute intro, on purpose: the show's own rhythm says so.
        rhythm=Rhythm(benefit_every_s=25 * 60, benefit_rest_s=0, intro_limit_s=10 * 60),
        max_discount_bp=6_000,
        min_margin_bp=1_000,
        planned_end=start + timedelta(hours=3),
        hard_stop=start + timedelta(hours=3, minutes=15),
        notes="双11主推：充电宝与降噪耳机；每15-30分钟一档福利。",
    )
    return ShowPlan(
        show=show,
        segments=segments,
        people=PEOPLE,
        team=TEAM,
        products=PRODUCTS,
        promos=PROMOS,
        releases=releases,
        duties=tuple(duties),
    )


# How each segment ran against its plan, as real shows go: intros run long, benefits short.
REHEARSAL_PACE = {K.PRODUCT_INTRO: 1.15, K.QA: 0.85, K.OPENING: 1.25, K.CLOSING: 0.9}
LIVE_PACE = {K.PRODUCT_INTRO: 1.08, K.QA: 1.1, K.FLASH_SALE: 0.8, K.LUCKY_DRAW: 1.2}
WOBBLE = (1.0, 1.04, 0.96, 1.02, 0.98)


def _run_demo(
    db: Database, plan: ShowPlan, kind: RunKind, start: datetime, pace: dict[K, float]
) -> tuple[list[RanSegment], datetime]:
    """Run the plan on a timer driven by a made-up clock, logging it like a real run; returns
    how each segment ran and when the stream hiccuped."""
    ran: list[RanSegment] = []
    hiccup = start
    clock = {"at": 0.0}
    timer = SegmentTimer(
        timer_segments(plan),
        lambda: clock["at"],
        lambda: start + timedelta(seconds=clock["at"]),
    )
    events = timer.start()
    run_id = start_run(db, plan.show.id, kind, start, 0.0)
    log_clock_events(db, run_id, events[1:])  # start_run logged the run's own start
    for index, segment in enumerate(plan.segments):
        factor = pace.get(segment.kind, 1.0) * WOBBLE[index % len(WOBBLE)]
        length = round(segment.duration_s * factor)
        segment_start = start + timedelta(seconds=clock["at"])
        if kind is RunKind.LIVE and index == 9:
            clock["at"] += 40
            hiccup = start + timedelta(seconds=clock["at"])
            log_clock_events(db, run_id, timer.note("推流卡顿，已切备用线路"))
            log_clock_events(db, run_id, timer.add(60))
            length -= 40
        clock["at"] += length
        log_clock_events(db, run_id, timer.next())
        ran.append(RanSegment(segment, segment_start, round(segment.duration_s * factor)))
    return ran, hiccup


def create_demo(db: Database, *, campaign: bool = False) -> int:
    """Store the demo show with a rehearsal, the live run and the live run's minute metrics;
    return the show's id. With `campaign`, the demo's campaign and its four other shows too
    (app.demo_campaign), and the season of earlier shows its advice rests on
    (app.demo_season)."""
    show_id = save_plan(db, demo_plan())
    plan = load_plan(db, show_id)
    start = plan.show.planned_start
    _run_demo(db, plan, RunKind.REHEARSAL, start - timedelta(days=1, hours=4), REHEARSAL_PACE)
    ran, hiccup = _run_demo(db, plan, RunKind.LIVE, start, LIVE_PACE)
    samples = demo_metrics(plan, ran, hiccup)
    replace_metrics(db, show_id, samples, ImportSource("demo", rows_read=len(samples)))
    _review_notes(db, plan, hiccup)
    _import_demo_products(db, plan)
    if campaign:  # issue 19: the demo's campaign and its other shows
        from liveplanner.app.demo_campaign import add_demo_campaign

        add_demo_campaign(db, show_id, plan)
        from liveplanner.app.demo_season import add_demo_season

        add_demo_season(db, plan)
    return show_id


def _import_demo_products(db: Database, plan: ShowPlan) -> None:
    """The show's product export (商品明细), read and matched as a user's import is."""
    from liveplanner.app.demo_products import DEMO_PRODUCT_FILE, demo_product_export
    from liveplanner.app.products import ProductsRequest, store_product_export

    store_product_export(db, plan, DEMO_PRODUCT_FILE, demo_product_export(), ProductsRequest())


def _review_notes(db: Database, plan: ShowPlan, hiccup: datetime) -> None:
    """What a lead writes after this show: a stream problem, a winner, and actions."""
    by_title = {s.title: s.id for s in plan.segments}
    minute = hiccup.replace(second=0, microsecond=0)
    add_note(
        db,
        plan.show.id,
        NoteCategory.PROBLEM,
        "推流卡顿约 3 分钟，切备用线路后恢复；耳机券这一轮几乎没有成交",
        segment_id=by_title["耳机专享券 满269减40"],
        minute=minute,
    )
    add_note(
        db,
        plan.show.id,
        NoteCategory.ACTION,
        "开播前演练备用线路切换，30 秒内完成",
        owner="小李（技术）",
        minute=minute + timedelta(minutes=1),
    )
    add_note(
        db,
        plan.show.id,
        NoteCategory.WORKED,
        "充电宝 99 元秒杀每分钟成交最高：下场提前到开播后 40 分钟",
        segment_id=by_title["充电宝99元秒杀"],
    )
    add_note(
        db,
        plan.show.id,
        NoteCategory.ACTION,
        "GMV 差目标约 52 万：加一轮秒杀，答疑压缩到 6 分钟",
        owner="阿敏（运营）",
    )
