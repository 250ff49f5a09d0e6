# A stand-in training script shipped through job.files in the render tests.
import os

print(f"files are in {os.environ['KUBEBENCH_FILES_DIR']}")
