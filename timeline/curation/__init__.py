"""What a person does to a timeline after the machine: dates typed, events edited,
left out, added and merged, and the filters that find them among many."""
