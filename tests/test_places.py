"""Places, department codes and keys from department names (normalize/places.py, departments.py).

The names are copied from real government pages and the dev corpus (the tests never read ../shared).
"""
import pytest

from jixiao.dataset.enrich import enrich_forms
from jixiao.normalize.departments import department_key, split_code
from jixiao.normalize.places import Place, mentions, place_of, source_mentions

# name as printed → (province, city, county)
REAL_NAMES = [
    ("820001-井研县马踏镇人民政府", ("四川省", "乐山市", "井研县")),
    ("岳阳县农业农村局", ("湖南省", "岳阳市", "岳阳县")),
    ("南县疾病预防控制中心", ("湖南省", "益阳市", "南县")),
    ("浮梁县林业局", ("江西省", "景德镇市", "浮梁县")),
    ("武川县民族事务委员会", ("内蒙古自治区", "呼和浩特市", "武川县")),
    ("重庆市梁平区林业局", ("重庆市", "重庆市", "梁平区")),
    ("上海市普陀区人民政府万里街道办事处", ("上海市", "上海市", "普陀区")),
    ("汉阴县人力资源和社会保障局", ("陕西省", "安康市", "汉阴县")),
    ("207101天津市河北区人民法院", ("天津市", "天津市", "河北区")),
    ("219001-池州市贵池区棠溪镇人民政府", ("安徽省", "池州市", "贵池区")),
    ("314002-成安县民政局机关", ("河北省", "邯郸市", "成安县")),
    ("[610001]湖南省润山润水生态农业发展有限公司", ("湖南省", None, None)),
    ("云南省大理州交通运输局", ("云南省", "大理白族自治州", None)),
    ("云南省大理州市场监督管理局", ("云南省", "大理白族自治州", None)),
    ("南华县国有资本管理有限公司", ("云南省", "楚雄彝族自治州", "南华县")),
    ("南华县农业农村局", ("云南省", "楚雄彝族自治州", "南华县")),
    ("南昌县黄马乡蚕茶卫生院", ("江西省", "南昌市", "南昌县")),
    ("原州区民族宗教事务局", ("宁夏回族自治区", "固原市", "原州区")),
    ("原州区宗教事务局116422210101621779", ("宁夏回族自治区", "固原市", "原州区")),
    ("奉节县云雾土家族乡人民政府", ("重庆市", "重庆市", "奉节县")),
    ("[077]淮北市文化旅游体育局", ("安徽省", "淮北市", None)),
    ("505_湘西州教育和体育局", ("湖南省", "湘西土家族苗族自治州", None)),
    ("阳泉市公路服务中心", ("山西省", "阳泉市", None)),
    ("陕西省佳县农村公路管理所", ("陕西省", "榆林市", "佳县")),
    ("陕西省佳县市场监督管理局", ("陕西省", "榆林市", "佳县")),
    ("青神县发展和改革局", ("四川省", "眉山市", "青神县")),
    ("韶關(guān)市教育局", ("广东省", "韶关市", None)),
    ("甘肃省天水市秦州区农业农村局", ("甘肃省", "天水市", "秦州区")),
    ("河北省保定市莲池区社会救助服务中心", ("河北省", "保定市", "莲池区")),
    ("浙江省杭州市西湖区学生资助管理中心", ("浙江省", "杭州市", "西湖区")),
    ("山西省晋中市榆次区农村公路管理所", ("山西省", "晋中市", "榆次区")),
    ("湖南省长沙县农业农村局", ("湖南省", "长沙市", "长沙县")),
    ("湖南省长沙县农村经营管理站", ("湖南省", "长沙市", "长沙县")),
    ("江苏省南京市江宁区应急管理局", ("江苏省", "南京市", "江宁区")),
    ("广东省深圳市卫生健康局", ("广东省", "深圳市", None)),
    ("山东省青岛市应急救援支队", ("山东省", "青岛市", None)),
    ("北京市海淀区图书馆", ("北京市", "北京市", "海淀区")),
    ("上海市浦东新区交通运输综合行政执法大队", ("上海市", "上海市", "浦东新区")),
    ("湖北省鄂州市教育委员会", ("湖北省", "鄂州市", None)),
    ("河南省郑州市环境监控中心", ("河南省", "郑州市", None)),
    ("安徽省池州市贵池区食品药品检验所", ("安徽省", "池州市", "贵池区")),
    ("海南省生态公益林管理中心", ("海南省", None, None)),
    ("西部(重庆)科学城融媒体中心", ("重庆市", "重庆市", None)),
    # not places
    ("区市场监督管理局", (None, None, None)),
    ("县民宗委", (None, None, None)),
    ("农业科", (None, None, None)),
    ("全省53个公益林管护单位", (None, None, None)),
    ("化工区学校", (None, None, None)),
    ("城区财政局", (None, None, None)),
    ("****", (None, None, None)),
]


@pytest.mark.parametrize("name, expected", REAL_NAMES)
def test_place_of_real_department_names(name, expected):
    p = place_of([name], year=2023)
    assert (p.province, p.city, p.county) == expected


def test_false_hits_are_avoided():
    # 市场 is not a 市; 南县 is not inside 沂南县 or 南华县; 河北 is not read inside 天津市河北区
    assert [m[0] for m in mentions("佳县市场监督管理局")] == ["佳县"]
    assert [m[0] for m in mentions("沂南县财政局")] == ["沂南县"]
    assert [m[0] for m in mentions("南华县财政局")] == ["南华县"]
    assert [m[0] for m in mentions("天津市河北区人民法院")] == ["天津市", "河北区"]
    assert place_of(["湖南省南县财政局"]) == Place("湖南省", "益阳市", "南县")
    # an everyday word that is also a county name is never read alone
    assert not mentions("主城区环卫所")


def test_ambiguous_county_is_settled_by_context():
    # 青山区 is in 武汉 and 包头; 普陀区 in 上海 and 舟山
    assert place_of(["青山区教育局"]) == Place()
    hubei = source_mentions("p13_hubei_wuhan_qingshan_jyj_2020_xm_mubiaobiao.txt")
    assert place_of(["青山区教育局"], context=hubei) == Place("湖北省", "武汉市", "青山区")
    assert place_of(["普陀区民政局"], context=source_mentions("浙江省/舟山/2023.pdf")) == Place("浙江省", "舟山市", "普陀区")
    assert place_of(["上海市普陀区民政局"]) == Place("上海市", "上海市", "普陀区")


def test_year_picks_the_division_of_its_time():
    assert place_of(["梁平县林业局"], year=2014) == Place("重庆市", "重庆市", "梁平县")
    assert place_of(["梁平区林业局"], year=2020) == Place("重庆市", "重庆市", "梁平区")


def test_project_names_do_not_move_the_department():
    p = place_of(["岳阳县农业农村局", None, None, "华容县高标准农田建设项目"])
    assert p == Place("湖南省", "岳阳市", "岳阳县")


def test_pinyin_province_in_file_names():
    assert place_of(["卫健委"], context=source_mentions("w02_anhui_2024_project_target.txt")).province == "安徽省"
    assert place_of([], context=source_mentions("shanxi/x.pdf")).province == "山西省"
    assert place_of([], context=source_mentions("shaanxi/x.pdf")).province == "陕西省"
    # a pinyin word inside a longer token is not a province
    assert not source_mentions("zhuhunanxyz.pdf")


@pytest.mark.parametrize("name, code, rest", [
    ("820001-井研县马踏镇人民政府", "820001", "井研县马踏镇人民政府"),
    ("[155]淮北市财政局", "155", "淮北市财政局"),
    ("207101天津市河北区人民法院", "207101", "天津市河北区人民法院"),
    ("505_湘西州教育和体育局", "505", "湘西州教育和体育局"),
    ("S100031-财政林业补助专项资金", "S100031", "财政林业补助专项资金"),
    ("【610001】湖南省润山润水生态农业发展有限公司", "610001", "湖南省润山润水生态农业发展有限公司"),
    ("井研县马踏镇人民政府", None, "井研县马踏镇人民政府"),
    ("2022年岳阳县农业农村局", None, "2022年岳阳县农业农村局"),
    ("12345热线", None, "12345热线"),
])
def test_split_code(name, code, rest):
    assert split_code(name) == (code, rest)


def test_department_key_links_spellings():
    def key(n):
        return department_key(n, place_of([n]))

    assert key("820001-井研县马踏镇人民政府") == key("井研县马踏镇人民政府") == "四川省乐山市井研县马踏镇人民政府"
    assert key("湖南省长沙县农业农村局") == key("长沙县农业农村局") == "湖南省长沙市长沙县农业农村局"
    assert key("青神县发展和改革局本级") == key("青神县发展和改革局")
    assert key("314002-成安县民政局机关") == key("成安县民政局")
    assert key("韶關(guān)市教育局") == key("韶关市 教育局")
    assert key("原州区宗教事务局116422210101621779") == key("原州区宗教事务局")
    assert department_key("****") is None


def test_bare_names_are_place_qualified():
    guichi = place_of(["安徽省池州市贵池区市场监督管理局"])
    assert department_key("区市场监督管理局", guichi) == department_key("安徽省池州市贵池区市场监督管理局", guichi)
    assert department_key("区市场监督管理局", guichi) == "安徽省池州市贵池区市场监督管理局"
    fengjie = place_of(["奉节县云雾土家族乡人民政府"])
    assert department_key("县民宗委", fengjie) == department_key("奉节县民族宗教事务委员会", fengjie)
    # the same bare name in two counties gives two keys
    a = department_key("财政局", place_of(["岳阳县"]))
    b = department_key("财政局", place_of(["南县"]))
    assert a != b and a.endswith("财政局") and b.endswith("财政局")


def test_enrich_forms_uses_the_document():
    forms = [{"department": "安徽省池州市贵池区市场监督管理局", "agency": None, "title": None, "project": None, "year": 2023},
             {"department": "区市场监督管理局", "agency": None, "title": None, "project": None, "year": 2023},
             {"department": "820001-井研县马踏镇人民政府", "agency": None, "title": None, "project": None, "year": 2023}]
    enrich_forms(forms, "disclosure.pdf")
    # the document's forms disagree on the county: the bare name gets only what they share
    assert forms[1]["province"] is None
    enrich_forms(forms[:2], "disclosure.pdf")
    assert (forms[1]["province"], forms[1]["city"], forms[1]["county"]) == ("安徽省", "池州市", "贵池区")
    assert forms[1]["department_key"] == forms[0]["department_key"]
    assert forms[2]["department_code"] == "820001"


def test_prefecture_abbreviations():
    assert place_of(["新疆巴州生态环境局"]) == Place("新疆维吾尔自治区", "巴音郭楞蒙古自治州", None)
    assert place_of(["巴州区财政局"]) == Place("四川省", "巴中市", "巴州区")
    assert place_of(["黔东南州财政局"]).city == "黔东南苗族侗族自治州"
