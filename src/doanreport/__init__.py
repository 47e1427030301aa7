"""doanreport: report compiler for the Hồ Chí Minh Communist Youth Union.

Unit YAML files in; validated roll-ups and periodic reports out.
"""

__version__ = "0.1.0"
