"""The .docx writer: the report's Markdown in the layout of Hướng dẫn 29-HD/TWĐTN-VP."""
