print("withness: under construction")
