UPDATE users SET score = score + 1;
