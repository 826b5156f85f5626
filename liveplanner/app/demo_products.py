"""The demo show's product export (抖音 商品明细), as the platform writes it: GB18030, a title row
above the header, 万 in the exposures, a rate column liveplanner leaves out, a 福袋 gift the
script has no product for, and a total row at the bottom.

Its figures add up to the demo's minute metrics (items sold, GMV and product clicks over the
show), so the per-product and the per-minute review agree: the power bank sells out (3,000 of
3,000), the phone stand sells 600 of 4,000 (15 %, under a fifth), and the power bank and the
earbuds have refunds. Products are named as the platform lists them, which is not always as the
script does (case, spaces, full-width brackets): they match by name, as a real export's do.
"""

DEMO_PRODUCT_FILE = "抖音商品明细_双11.csv"
_HEADER = (
    "商品名称", "商品ID", "商品曝光人数", "商品点击人数", "加购人数", "成交件数",
    "成交金额(元)", "退款金额(元)", "点击-成交转化率",
)  # fmt: skip
# name, platform product id, exposures, clicks, add to cart, sold, GMV (yuan), refunds (yuan)
_ROWS = (
    ("磁吸无线充电宝 10000MAH", "3628019283746512001", "18.6万", 28000, 5200, 3000,
     "351,000.00", "2,580.00"),
    ("氮化镓快充头65W", "3628019283746512002", "12.1万", 14500, 3100, 1800, "142,200.00", "0"),
    ("真无线降噪耳机 X2", "3628019283746512003", "15.8万", 21000, 2600, 1200, "322,800.00",
     "8,070.00"),
    ("iPhone 17 磁吸手机壳", "3628019283746512004", "13.2万", 16500, 4300, 2900, "80,410.00",
     "0"),
    ("编织快充数据线(两条装)", "3628019283746512005", "11.7万", 15000, 4800, 3066, "33,377.30",
     "0"),
    ("桌面折叠手机支架", "3628019283746512006", "6.4万", 6303, 1200, 600, "23,400.00", "0"),
    ("智能手表硅胶表带", "3628019283746512007", "5.2万", 6000, 1300, 700, "31,500.00", "0"),
    ("直播间福袋·快充收纳包（赠品）", "3628019283746512099", "-", "-", "-", 0, "0.00", "-"),
)  # fmt: skip


def demo_product_export() -> bytes:
    """The export's bytes, the same on every run."""
    lines = ["双11专场 商品明细,导出时间 2026-11-12 09:00", ",".join(_HEADER)]
    sold = gmv = clicks = 0
    for name, link, exposures, click, cart, units, amount, refunds in _ROWS:
        rate = f"{int(click) and units / int(click):.2%}" if click != "-" else "-"
        lines.append(
            ",".join(
                f'"{cell}"' if "," in str(cell) else str(cell)
                for cell in (name, link, exposures, click, cart, units, amount, refunds, rate)
            )
        )
        sold += units
        gmv += round(float(amount.replace(",", "")) * 100)
        clicks += click if isinstance(click, int) else 0
    lines.append(f'合计,-,-,{clicks},-,{sold},"{gmv / 100:,.2f}",-,-')
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")
