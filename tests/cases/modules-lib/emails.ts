// A message builder with no mail import: the module summary says `to` is its second parameter.
export const newPostEmail = (title: string, emails: string[]) => {
  const message = { to: emails, from: 'events@example.com', subject: `New post in ${title}`, html: '<p>New post</p>' };
  return message;
};
