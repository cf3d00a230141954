"""wirecoder on Spark: code JSON Lines, WARC or Parquet at scale into partitioned Parquet tables.

    from wirecoder.spark import run_job, spark_session, read_records
    spark = spark_session("local[2]")
    summary = run_job(spark, "articles/", "out/", input_format="jsonl")
    records = read_records("out/")   # Record / ErrorRecord objects again (local output)

The command line is ``wirecoder spark INPUT OUTPUT``; under spark-submit the entry point
is ``wirecoder/spark/__main__.py`` (see docs/scale.md).
"""

from .job import INPUT_FORMATS, JobSummary, read_records, run_job, spark_session

__all__ = ["INPUT_FORMATS", "JobSummary", "read_records", "run_job", "spark_session"]
