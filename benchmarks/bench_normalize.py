"""Benchmark of the indicator-target normaliser (row stage): strings parsed per second, one core.

A realistic mix of 指标值 strings is generated here (symbols and words, percentages, money with
万元, areas, Chinese numerals, ranges, deadlines, qualitative text), so the benchmark needs no
corpus. Prints the rate uncached (every string parsed in full) and through ``parse_target``'s
cache on a stream where strings repeat, as they do across the forms of one department.

    .venv/bin/python benchmarks/bench_normalize.py [--n 200000]
"""
from __future__ import annotations

import argparse
import random
import time

from jixiao.normalize import parse_target
from jixiao.normalize.target import parse

PRE = ["≥", "≤", "=", ">", "<", "＞", "大于等于", "不低于", "不少于", "不超过", "不高于", "小于等于",
       "约", "", "", "", ""]
POST = ["", "", "", "以上", "以下", "以内", "左右", "及以上"]
UNITS = ["%", "%", "%", "人", "人次", "次", "个", "万元", "元", "平方米", "㎡", "公里", "亩", "万亩",
         "吨", "户", "家", "所", "项", "场", "份", "天", "个工作日", "个月", "年", "小时", "万人次",
         "元/人", "次/年", "个百分点", "盏", "批次"]
TEXT = ["有所提升", "明显改善", "达标", "合格", "良好", "是", "按时完成", "不超预算", "持续改善",
        "进一步提高", "符合相关规定", "及时足额发放", "全覆盖", "有效保障"]
CHINESE = ["三次", "两个", "十二个月", "一百二十次", "不少于五期", "两千人", "百分之九十五以上"]


def mix(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.62:
            number = rng.choice([str(rng.randint(1, 100)), str(rng.randint(100, 99999)),
                                 f"{rng.uniform(0, 500):.2f}", f"{rng.randint(1000, 999999):,}"])
            out.append(rng.choice(PRE) + number + rng.choice(UNITS) + rng.choice(POST))
        elif roll < 0.72:
            low = rng.randint(50, 90)
            out.append(f"{low}{rng.choice(['%', ''])}{rng.choice(['-', '～', '至'])}{low + rng.randint(1, 9)}%")
        elif roll < 0.82:
            year, month = rng.randint(2018, 2026), rng.randint(1, 12)
            out.append(rng.choice([f"{year}年{month}月底前", f"{year}年{month}月{rng.randint(1, 28)}日前",
                                   f"{year}年底前", f"{year}-{month:02d}-28前"]))
        elif roll < 0.92:
            out.append(rng.choice(TEXT))
        else:
            out.append(rng.choice(CHINESE))
    return out


def rate(fn, strings: list[str]) -> tuple[float, float]:
    """(strings per wall-clock second, strings per CPU second of this process). On a busy machine
    the CPU figure is the one that measures the code."""
    wall, cpu = time.perf_counter(), time.process_time()
    for s in strings:
        fn(s)
    return len(strings) / (time.perf_counter() - wall), len(strings) / (time.process_time() - cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    args = ap.parse_args()
    strings = mix(args.n)
    uncached_wall, uncached_cpu = rate(parse, strings)
    parse_target.cache_clear()
    cached_wall, cached_cpu = rate(parse_target, strings)
    distinct = len(set(strings))
    print(f"normalize: {uncached_cpu:,.0f} strings/s uncached, {cached_cpu:,.0f} strings/s through the "
          f"cache, per CPU second on one core (wall clock: {uncached_wall:,.0f} and {cached_wall:,.0f}); "
          f"{args.n:,} strings, {distinct:,} distinct")


if __name__ == "__main__":
    main()
