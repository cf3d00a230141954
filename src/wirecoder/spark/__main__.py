"""Entry point for spark-submit (and ``python -m wirecoder.spark``): INPUT OUTPUT [options].

    spark-submit --master yarn ... "$(python -c 'import wirecoder.spark.__main__ as m; print(m.__file__)')" \
        s3a://bucket/crawl/ s3a://bucket/coded/ --input-format warc --partitions 400
"""

from __future__ import annotations

import argparse
import json
import sys

from wirecoder.spark.job import INPUT_FORMATS  # absolute: spark-submit runs this file as a script


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="wirecoder.spark", description=__doc__.splitlines()[0])
    ap.add_argument("input", help="file, folder, glob or object-store URI (s3a://, gs://, hdfs://)")
    ap.add_argument("output", help="folder or URI for the Parquet tables")
    ap.add_argument("--input-format", choices=INPUT_FORMATS, default="auto")
    ap.add_argument("--partitions", type=int, default=None, help="coding tasks (default: 2 per core)")
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--date", dest="reference_date", default=None, help="reference date for inputs with none")
    ap.add_argument("--model", dest="spacy_model", default=None, help="spaCy pipeline (installed on executors)")
    args = ap.parse_args(argv)
    from wirecoder.settings import Settings
    from wirecoder.spark.job import run_job, spark_session

    settings = Settings.from_env(reference_date=args.reference_date, spacy_model=args.spacy_model,
                                 progress="never")
    spark = spark_session(args.master)
    summary = run_job(spark, args.input, args.output, args.input_format, args.partitions, settings)
    print(json.dumps(summary.__dict__), file=sys.stderr)
    return 2 if summary.errors else 0


if __name__ == "__main__":
    sys.exit(main())
