"""export.py: write the chapter's two data sets as CSV, from the copies
shipped inside Debian's python3-sklearn (no network).

    /usr/bin/python3 chapters/11-tiny-network/data/export.py

breast-cancer.csv: 569 rows, the 30 features then "malignant" (1 for
malignant, 0 for benign; scikit-learn's target is the opposite, 0 for
malignant).  digits.csv: 1797 rows, the 64 pixels (0..16, row by row)
then "digit".  Numbers are written with repr, so they read back exactly.
"""
import os

from sklearn.datasets import load_breast_cancer, load_digits

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")


cancer = load_breast_cancer()
names = [n.replace(" ", "_") for n in cancer.feature_names]
write("breast-cancer.csv", names + ["malignant"],
      ([repr(float(v)) for v in x] + [str(1 - int(t))] for x, t in zip(cancer.data, cancer.target)))

digits = load_digits()
write("digits.csv", ["p%d%d" % (r, c) for r in range(8) for c in range(8)] + ["digit"],
      ([str(int(v)) for v in x] + [str(int(t))] for x, t in zip(digits.data, digits.target)))
